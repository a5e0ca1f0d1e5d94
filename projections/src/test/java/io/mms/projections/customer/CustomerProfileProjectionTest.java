package io.mms.projections.customer;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import io.mms.events.campaign.Channel;
import io.mms.events.customer.ConsentGranted;
import io.mms.events.customer.CustomerEmailChanged;
import io.mms.events.customer.CustomerStageChanged;
import io.mms.events.customer.CustomerTagAdded;
import io.mms.events.customer.LifecycleStage;
import io.mms.events.delivery.EngagementKind;
import io.mms.projections.EmbeddedMongo;
import io.mms.projections.ScriptedHistory;
import io.mms.projections.customer.CustomerProfile.ConsentState;
import io.mms.projections.support.ProjectionWriter;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.mms.projections.customer.CustomerHistories.engaged;
import static io.mms.projections.customer.CustomerHistories.fullHistory;
import static io.mms.projections.customer.CustomerHistories.registered;
import static io.mms.projections.customer.CustomerHistories.sent;
import static org.assertj.core.api.Assertions.assertThat;

class CustomerProfileProjectionTest {

    private static final Instant T = Instant.parse("2026-03-01T09:30:00Z");
    private static final Duration DAY = Duration.ofDays(1);

    private EmbeddedMongo mongo;
    private MongoDatabase database;
    private CustomerProfileProjection projection;
    private CustomerProfiles profiles;

    @BeforeEach
    void startMongo() {
        mongo = new EmbeddedMongo();
        database = mongo.readModelDatabase();
        projection = new CustomerProfileProjection(new ProjectionWriter(database));
        profiles = new CustomerProfiles(database);
    }

    @AfterEach
    void stopMongo() {
        mongo.close();
    }

    @Test
    void registeredCustomerIsALeadWithNothingElseKnown() {
        new ScriptedHistory().then(registered("cu-1", T)).deliverTo(projection);

        CustomerProfile ada = profiles.byId("cu-1").orElseThrow();

        assertThat(ada.email()).isEqualTo("cu-1@example.com");
        assertThat(ada.stage()).isEqualTo(LifecycleStage.LEAD);
        assertThat(ada.tags()).isEmpty();
        assertThat(ada.consents()).isEmpty();
        assertThat(ada.attributes()).isEmpty();
        assertThat(ada.lastActivityAt()).isEqualTo(T);
        assertThat(ada.engagement().scoreAt(T)).isZero();
    }

    @Test
    void customerThatNeverRegisteredIsNotFound() {
        new ScriptedHistory().then(registered("cu-1", T)).deliverTo(projection);

        assertThat(profiles.byId("cu-404")).isEmpty();
    }

    @Test
    void aFullHistoryShowsProfileStageTagsConsentAndEngagement() {
        fullHistory().deliverTo(projection);

        CustomerProfile ada = profiles.byId("cu-1").orElseThrow();

        assertThat(ada.email()).isEqualTo("countess@example.com");
        assertThat(ada.name()).isEqualTo("Ada King");
        assertThat(ada.phone()).isEqualTo("+44 20 7946 0000");
        assertThat(ada.locale()).isEqualTo("en-GB");
        assertThat(ada.attributes()).containsExactly(Map.entry("city", "London"), Map.entry("plan", "gold"));
        assertThat(ada.stage()).isEqualTo(LifecycleStage.CUSTOMER);
        assertThat(ada.tags()).containsExactly("newsletter");
        assertThat(ada.consents()).containsExactly(
                new ConsentState(Channel.EMAIL, "marketing", true, "signup-form", T.plus(DAY)),
                new ConsentState(Channel.SMS, "marketing", false, "stop-reply", T.plus(DAY.multipliedBy(3))));
        assertThat(ada.engagement()).satisfies(engagement -> {
            assertThat(engagement.sent()).isEqualTo(1);
            assertThat(engagement.delivered()).isEqualTo(1);
            assertThat(engagement.opens()).isEqualTo(2);
            assertThat(engagement.clicks()).isEqualTo(1);
            assertThat(engagement.conversions()).isEqualTo(1);
            assertThat(engagement.lastEngagedAt()).isEqualTo(T.plus(DAY.multipliedBy(10)));
        });
        assertThat(ada.lastActivityAt()).isEqualTo(T.plus(DAY.multipliedBy(10)));
    }

    @Test
    void scoreCountsPointsThatHalveEveryThirtyDays() {
        new ScriptedHistory().then(
                registered("cu-1", T),
                engaged("cu-1", EngagementKind.CONVERTED, T),
                engaged("cu-1", EngagementKind.OPENED, T.plus(DAY.multipliedBy(59))),
                engaged("cu-1", EngagementKind.DELIVERED, T.plus(DAY.multipliedBy(59))),
                registered("cu-2", T),
                engaged("cu-2", EngagementKind.CLICKED, T)).deliverTo(projection);

        Instant sixtyDaysLater = T.plus(DAY.multipliedBy(60));

        assertThat(profiles.byId("cu-1").orElseThrow().engagement().scoreAt(sixtyDaysLater))
                .as("10 points halved twice, plus 1 point a day old").isEqualTo(3.5);
        assertThat(profiles.byId("cu-2").orElseThrow().engagement().scoreAt(T.plus(Duration.ofDays(30))))
                .as("3 points halved once").isEqualTo(1.5);
        assertThat(profiles.byId("cu-2").orElseThrow().engagement().scoreAt(T)).isEqualTo(3.0);
    }

    @Test
    void aBackdatedConsentDoesNotMoveTheLastActivityBack() {
        new ScriptedHistory().then(
                registered("cu-1", T),
                new ConsentGranted("cu-1", Channel.EMAIL, "marketing", "paper-form", T.minus(DAY)))
                .deliverTo(projection);

        assertThat(profiles.byId("cu-1").orElseThrow().lastActivityAt()).isEqualTo(T);
    }

    @Test
    void sendsTagsAndStageChangesAreNotActivity() {
        new ScriptedHistory().then(
                registered("cu-1", T),
                new CustomerTagAdded("cu-1", "vip", T.plus(DAY)),
                new CustomerStageChanged("cu-1", LifecycleStage.LEAD, LifecycleStage.CUSTOMER, T.plus(DAY)),
                sent("cu-1", T.plus(DAY)),
                engaged("cu-1", EngagementKind.DELIVERED, T.plus(DAY))).deliverTo(projection);

        assertThat(profiles.byId("cu-1").orElseThrow().lastActivityAt()).isEqualTo(T);
    }

    @Test
    void redeliveredEventsLeaveTheDocumentsAsTheyWere() {
        ScriptedHistory history = fullHistory();
        history.deliverTo(projection);
        List<Document> before = rawDocuments();

        history.deliverTo(projection);
        history.deliverTo(projection, history.size() / 2);

        assertThat(before).hasSize(2);
        assertThat(rawDocuments()).isEqualTo(before);
    }

    @Test
    void aFullReplayGivesIdenticalDocuments() {
        ScriptedHistory history = fullHistory();
        history.deliverTo(projection);
        List<Document> live = rawDocuments();

        projection.reset();
        assertThat(rawDocuments()).isEmpty();
        history.deliverTo(projection);

        assertThat(rawDocuments()).isEqualTo(live);
    }

    @Test
    void anOlderChangeDeliveredAgainDoesNotUndoANewerOne() {
        new ScriptedHistory().then(registered("cu-1", T)).deliverTo(projection);
        projection.on(new CustomerEmailChanged("cu-1", "first@example.com", T), at(4));
        projection.on(new CustomerEmailChanged("cu-1", "second@example.com", T), at(5));

        projection.on(new CustomerEmailChanged("cu-1", "first@example.com", T), at(4));

        assertThat(profiles.byId("cu-1")).get().extracting(CustomerProfile::email).isEqualTo("second@example.com");
    }

    @Test
    void resetRemovesEveryProfile() {
        fullHistory().deliverTo(projection);

        projection.reset();

        assertThat(rawDocuments()).isEmpty();
    }

    private static GlobalSequenceTrackingToken at(long position) {
        return new GlobalSequenceTrackingToken(position);
    }

    private List<Document> rawDocuments() {
        return database.getCollection(CustomerProfiles.COLLECTION.name())
                .find().sort(Sorts.ascending("_id")).into(new ArrayList<>());
    }
}
