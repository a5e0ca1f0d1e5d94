package io.mms.query.customer;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import io.mms.events.campaign.Channel;
import io.mms.events.customer.LifecycleStage;
import io.mms.projections.customer.CustomerFilter;
import io.mms.projections.customer.CustomerOrder;
import io.mms.projections.customer.CustomerProfile;
import io.mms.projections.customer.CustomerProfiles;
import io.mms.projections.support.InvalidPageRequest;
import io.mms.projections.timeline.CustomerTimeline;
import io.mms.projections.timeline.TimelineEntry;
import io.mms.query.timetravel.AsOf;
import io.mms.query.timetravel.PastReadModels;
import io.mms.query.web.Connection;
import io.mms.query.web.ReadYourWrites;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

@Controller
class CustomerQueries {

    private final CustomerProfiles profiles;
    private final CustomerTimeline timeline;
    private final ReadYourWrites reads;
    private final PastReadModels past;
    private final Clock clock = Clock.systemUTC();

    CustomerQueries(CustomerProfiles profiles, CustomerTimeline timeline, ReadYourWrites reads,
                    PastReadModels past) {
        this.profiles = profiles;
        this.timeline = timeline;
        this.reads = reads;
        this.past = past;
    }

    /** As of a past instant, the customer is replayed from the event store, which needs no waiting. */
    @QueryMapping
    DataFetcherResult<CustomerProfile> customer(@Argument String id, @Argument Long atLeast, @Argument Instant asOf,
                                                DataFetchingEnvironment env) {
        if (asOf != null) {
            return past.answer(asOf, travel -> travel.customer(id, asOf),
                    replayed -> new CustomerProfiles(replayed).byId(id).orElse(null), env);
        }
        reads.await(CustomerProfiles.READ_MODEL, atLeast);
        return DataFetcherResult.<CustomerProfile>newResult().data(profiles.byId(id).orElse(null)).build();
    }

    @QueryMapping
    Connection<CustomerProfile> customers(@Argument CustomerFilterInput filter, @Argument CustomerOrderBy orderBy,
                                          @Argument int first, @Argument String after, @Argument Long atLeast) {
        reads.await(CustomerProfiles.READ_MODEL, atLeast);
        CustomerOrderBy order = orderBy == null ? CustomerOrderBy.DEFAULT : orderBy;
        CustomerFilter where = filter == null ? CustomerFilter.NONE : filter.toFilter();
        return Connection.of(profiles.page(where, order.field(), order.descending(), first, after));
    }

    @SchemaMapping(typeName = "Customer")
    List<Attribute> attributes(CustomerProfile customer) {
        return customer.attributes().entrySet().stream()
                .map(attribute -> new Attribute(attribute.getKey(), attribute.getValue()))
                .toList();
    }

    @SchemaMapping(typeName = "Customer", field = "timeline")
    Connection<TimelineEntry> timeline(CustomerProfile customer, @Argument int first, @Argument String after,
                                       DataFetchingEnvironment env) {
        CustomerTimeline entries = AsOf.of(env).map(asOf -> new CustomerTimeline(asOf.database())).orElse(timeline);
        return Connection.of(entries.page(customer.id(), first, after));
    }

    /** The score decays with time, so it is worked out for the moment it is asked about. */
    @SchemaMapping(typeName = "Engagement")
    double score(CustomerProfile.Engagement engagement, DataFetchingEnvironment env) {
        return engagement.scoreAt(AsOf.of(env).map(AsOf::instant).orElseGet(clock::instant));
    }

    record Attribute(String key, String value) {
    }

    record CustomerOrderBy(CustomerOrder field, String direction) {

        static final CustomerOrderBy DEFAULT = new CustomerOrderBy(CustomerOrder.REGISTERED_AT, "ASC");

        boolean descending() {
            return "DESC".equals(direction);
        }
    }

    record CustomerFilterInput(String tag, LifecycleStage stage, Channel consentChannel, String consentPurpose,
                               Instant registeredFrom, Instant registeredBefore,
                               String emailPrefix, String namePrefix) {

        CustomerFilter toFilter() {
            if (registeredFrom != null && registeredBefore != null && !registeredFrom.isBefore(registeredBefore)) {
                throw new InvalidPageRequest("registeredBefore must be after registeredFrom");
            }
            return new CustomerFilter(tag, stage, consentChannel, consentPurpose, registeredFrom, registeredBefore,
                    emailPrefix, namePrefix);
        }
    }
}
