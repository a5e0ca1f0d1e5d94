package io.mms.query.customer;

import io.mms.projections.customer.CustomerProfile;
import io.mms.projections.customer.CustomerProfiles;
import io.mms.query.web.Connection;
import io.mms.query.web.ReadYourWrites;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class CustomerQueries {

    private final CustomerProfiles profiles;
    private final ReadYourWrites reads;

    CustomerQueries(CustomerProfiles profiles, ReadYourWrites reads) {
        this.profiles = profiles;
        this.reads = reads;
    }

    @QueryMapping
    CustomerProfile customer(@Argument String id, @Argument Long atLeast) {
        reads.await(CustomerProfiles.READ_MODEL, atLeast);
        return profiles.byId(id).orElse(null);
    }

    @QueryMapping
    Connection<CustomerProfile> customers(@Argument int first, @Argument String after,
                                          @Argument Long atLeast) {
        reads.await(CustomerProfiles.READ_MODEL, atLeast);
        return Connection.of(profiles.page(first, after));
    }
}
