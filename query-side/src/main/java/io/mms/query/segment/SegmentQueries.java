package io.mms.query.segment;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import io.mms.events.audience.AudienceRule;
import io.mms.events.customer.LifecycleStage;
import io.mms.projections.customer.CustomerProfile;
import io.mms.projections.customer.CustomerProfiles;
import io.mms.projections.segment.SegmentMember;
import io.mms.projections.segment.SegmentMembership;
import io.mms.projections.segment.SegmentView;
import io.mms.query.timetravel.AsOf;
import io.mms.query.timetravel.PastReadModels;
import io.mms.query.web.Connection;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

@Controller
class SegmentQueries {

    private final SegmentMembership membership;
    private final CustomerProfiles profiles;
    private final PastReadModels past;

    SegmentQueries(SegmentMembership membership, CustomerProfiles profiles, PastReadModels past) {
        this.membership = membership;
        this.profiles = profiles;
        this.past = past;
    }

    /** As of a past instant, the segment and its members are replayed from the event store. */
    @QueryMapping
    DataFetcherResult<SegmentView> segment(@Argument String id, @Argument Instant asOf, DataFetchingEnvironment env) {
        if (asOf != null) {
            return past.answer(asOf, travel -> travel.segment(id, asOf),
                    replayed -> new SegmentMembership(replayed).byId(id).orElse(null), env);
        }
        return DataFetcherResult.<SegmentView>newResult().data(membership.byId(id).orElse(null)).build();
    }

    @QueryMapping
    Connection<SegmentView> segments(@Argument int first, @Argument String after) {
        return Connection.of(membership.page(first, after));
    }

    @SchemaMapping(typeName = "Segment")
    long count(SegmentView segment, DataFetchingEnvironment env) {
        return membershipFor(env).count(segment.id());
    }

    @SchemaMapping(typeName = "Segment")
    Connection<SegmentMember> members(SegmentView segment, @Argument int first, @Argument String after,
                                      DataFetchingEnvironment env) {
        return Connection.of(membershipFor(env).members(segment.id(), first, after));
    }

    /** One read of the customer profiles for all members on a page, not one per member. */
    @BatchMapping(typeName = "SegmentMember")
    Map<SegmentMember, CustomerProfile> customer(List<SegmentMember> members) {
        Map<String, CustomerProfile> byId = profiles.byIds(members.stream().map(SegmentMember::customerId).toList());
        Map<SegmentMember, CustomerProfile> customers = new LinkedHashMap<>();
        members.forEach(member -> customers.put(member, byId.get(member.customerId())));
        return customers;
    }

    /** Positions outgrow GraphQL's 32-bit Int, so they travel as decimal strings. */
    @SchemaMapping(typeName = "MembershipCause")
    String position(SegmentMember.JoinedBy cause) {
        return Long.toString(cause.position());
    }

    @SchemaMapping(typeName = "AudienceRule")
    List<String> tags(AudienceRule rule) {
        return rule.tags().stream().sorted().toList();
    }

    /** In lifecycle order. */
    @SchemaMapping(typeName = "AudienceRule")
    List<LifecycleStage> stages(AudienceRule rule) {
        return rule.stages().stream().sorted().toList();
    }

    @SchemaMapping(typeName = "AudienceRule")
    List<AttributeCondition> attributes(AudienceRule rule) {
        return new TreeMap<>(rule.attributes()).entrySet().stream()
                .map(entry -> new AttributeCondition(entry.getKey(), entry.getValue()))
                .toList();
    }

    /** The live read model, or the one replayed for the segment as of a past instant. */
    private SegmentMembership membershipFor(DataFetchingEnvironment env) {
        return AsOf.of(env).map(asOf -> new SegmentMembership(asOf.database())).orElse(membership);
    }

    record AttributeCondition(String key, String value) {
    }
}
