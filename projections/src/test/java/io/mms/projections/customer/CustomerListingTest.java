package io.mms.projections.customer;

import io.mms.events.campaign.Channel;
import io.mms.events.customer.ConsentGranted;
import io.mms.events.customer.ConsentWithdrawn;
import io.mms.events.customer.CustomerProfileUpdated;
import io.mms.events.customer.CustomerRegistered;
import io.mms.events.customer.CustomerStageChanged;
import io.mms.events.customer.CustomerTagAdded;
import io.mms.events.customer.LifecycleStage;
import io.mms.events.delivery.EngagementKind;
import io.mms.projections.EmbeddedMongo;
import io.mms.projections.ScriptedHistory;
import io.mms.projections.support.InvalidPageRequest;
import io.mms.projections.support.Page;
import io.mms.projections.support.ProjectionWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.mms.projections.customer.CustomerHistories.engaged;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Filtering and ordering customers, against the profile read model. */
class CustomerListingTest {

    private static final Instant T = Instant.parse("2026-03-01T09:30:00Z");

    private EmbeddedMongo mongo;
    private CustomerProfileProjection projection;
    private CustomerProfiles profiles;

    @BeforeEach
    void startMongo() {
        mongo = new EmbeddedMongo();
        var database = mongo.readModelDatabase();
        projection = new CustomerProfileProjection(new ProjectionWriter(database));
        profiles = new CustomerProfiles(database);
        new ScriptedHistory().then(
                register("cu-1", "ada.lovelace@example.com", "Ada Lovelace", T),
                register("cu-2", "ADAM@example.com", "Adam Smith", T.plusSeconds(60)),
                register("cu-3", "adaxlovelace@example.com", "Grace Hopper", T.plusSeconds(120)),
                register("cu-4", "alan@example.com", "Alan Turing", T.plusSeconds(180)),
                new CustomerTagAdded("cu-1", "vip", T),
                new CustomerTagAdded("cu-4", "vip", T),
                new CustomerStageChanged("cu-2", LifecycleStage.LEAD, LifecycleStage.CUSTOMER, T),
                new ConsentGranted("cu-1", Channel.EMAIL, "marketing", "signup-form", T),
                new ConsentGranted("cu-2", Channel.EMAIL, "marketing", "signup-form", T),
                new ConsentGranted("cu-3", Channel.EMAIL, "newsletter", "signup-form", T),
                new ConsentGranted("cu-4", Channel.SMS, "marketing", "signup-form", T),
                new ConsentWithdrawn("cu-2", Channel.EMAIL, "marketing", "unsubscribe-link", T.plusSeconds(600)),
                new CustomerProfileUpdated("cu-3", "Grace Hopper", null, null, Map.of(), T.plusSeconds(900)),
                engaged("cu-4", EngagementKind.CLICKED, T.plusSeconds(300)),
                engaged("cu-1", EngagementKind.OPENED, T.plusSeconds(300)))
                .deliverTo(projection);
    }

    @AfterEach
    void stopMongo() {
        mongo.close();
    }

    @Test
    void filterByTagStageAndConsentInForce() {
        assertThat(ids(filter().tag("VIP"))).containsExactly("cu-1", "cu-4");
        assertThat(ids(filter().stage(LifecycleStage.CUSTOMER))).containsExactly("cu-2");
        assertThat(ids(filter().consent(Channel.EMAIL, null))).as("marketing unless told, withdrawn excluded")
                .containsExactly("cu-1");
        assertThat(ids(filter().consent(Channel.EMAIL, "Newsletter"))).containsExactly("cu-3");
        assertThat(ids(filter().consent(Channel.SMS, null).tag("vip"))).containsExactly("cu-4");
    }

    @Test
    void filterByRegistrationWindowIncludesItsStartAndExcludesItsEnd() {
        assertThat(ids(filter().registered(T.plusSeconds(60), T.plusSeconds(180))))
                .containsExactly("cu-2", "cu-3");
        assertThat(ids(filter().registered(T.plusSeconds(61), null))).containsExactly("cu-3", "cu-4");
    }

    @Test
    void prefixesMatchRegardlessOfCaseAndLiterally() {
        assertThat(ids(filter().email("ADA"))).containsExactly("cu-1", "cu-2", "cu-3");
        assertThat(ids(filter().email("ada."))).as("a dot is a dot, not any character").containsExactly("cu-1");
        assertThat(ids(filter().email(".*"))).isEmpty();
        assertThat(ids(filter().name("  ada "))).containsExactly("cu-1", "cu-2");
        assertThat(ids(filter().name("grace h"))).containsExactly("cu-3");
        assertThat(ids(filter().email("example"))).as("a prefix, not a substring").isEmpty();
    }

    @Test
    void ordersByRegistrationLastActivityAndScoreBothWays() {
        assertThat(ids(CustomerFilter.NONE, CustomerOrder.REGISTERED_AT, true))
                .containsExactly("cu-4", "cu-3", "cu-2", "cu-1");
        assertThat(ids(CustomerFilter.NONE, CustomerOrder.LAST_ACTIVITY_AT, true))
                .as("cu-4 and cu-1 were last active at the same time: the id breaks the tie")
                .containsExactly("cu-3", "cu-2", "cu-4", "cu-1");
        assertThat(ids(CustomerFilter.NONE, CustomerOrder.SCORE, true))
                .containsExactly("cu-4", "cu-1", "cu-3", "cu-2");
        assertThat(ids(CustomerFilter.NONE, CustomerOrder.SCORE, false))
                .containsExactly("cu-2", "cu-3", "cu-1", "cu-4");
    }

    @Test
    void aCursorOfOneOrderIsRefusedByAnother() {
        var page = profiles.page(CustomerFilter.NONE, CustomerOrder.SCORE, true, 1, null);
        String cursor = page.items().get(0).cursor();

        assertThatThrownBy(() -> profiles.page(CustomerFilter.NONE, CustomerOrder.SCORE, false, 1, cursor))
                .isInstanceOf(InvalidPageRequest.class).hasMessageContaining("another order");
        assertThatThrownBy(() -> profiles.page(CustomerFilter.NONE, CustomerOrder.REGISTERED_AT, true, 1, cursor))
                .isInstanceOf(InvalidPageRequest.class);
    }

    private List<String> ids(FilterBuilder filter) {
        return ids(filter.build(), CustomerOrder.REGISTERED_AT, false);
    }

    private List<String> ids(CustomerFilter filter, CustomerOrder order, boolean descending) {
        Page<CustomerProfile> page = profiles.page(filter, order, descending, 100, null);
        return page.items().stream().map(item -> item.node().id()).toList();
    }

    private static CustomerRegistered register(String id, String email, String name, Instant at) {
        return new CustomerRegistered(id, email, name, at);
    }

    private static FilterBuilder filter() {
        return new FilterBuilder();
    }

    /** Keeps the tests readable where a filter sets one or two of its eight conditions. */
    private static final class FilterBuilder {
        private String tag;
        private LifecycleStage stage;
        private Channel channel;
        private String purpose;
        private Instant from;
        private Instant before;
        private String email;
        private String name;

        FilterBuilder tag(String value) {
            tag = value;
            return this;
        }

        FilterBuilder stage(LifecycleStage value) {
            stage = value;
            return this;
        }

        FilterBuilder consent(Channel value, String forPurpose) {
            channel = value;
            purpose = forPurpose;
            return this;
        }

        FilterBuilder registered(Instant fromInstant, Instant beforeInstant) {
            from = fromInstant;
            before = beforeInstant;
            return this;
        }

        FilterBuilder email(String prefix) {
            email = prefix;
            return this;
        }

        FilterBuilder name(String prefix) {
            name = prefix;
            return this;
        }

        CustomerFilter build() {
            return new CustomerFilter(tag, stage, channel, purpose, from, before, email, name);
        }
    }
}
