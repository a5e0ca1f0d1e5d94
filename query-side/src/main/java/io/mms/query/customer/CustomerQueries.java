package io.mms.query.customer;

import io.mms.projections.customer.CustomerProfile;
import io.mms.projections.customer.CustomerProfiles;
import io.mms.query.web.Connection;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class CustomerQueries {

    private final CustomerProfiles profiles;

    CustomerQueries(CustomerProfiles profiles) {
        this.profiles = profiles;
    }

    @QueryMapping
    CustomerProfile customer(@Argument String id) {
        return profiles.byId(id).orElse(null);
    }

    @QueryMapping
    Connection<CustomerProfile> customers(@Argument int first, @Argument String after) {
        return Connection.of(profiles.page(first, after));
    }
}
