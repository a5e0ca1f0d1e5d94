package io.mms.projections.dashboard;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import io.mms.events.Money;
import io.mms.events.campaign.CampaignCreated;
import io.mms.events.campaign.Channel;
import io.mms.events.customer.CustomerRegistered;
import io.mms.events.delivery.CampaignMessageSent;
import io.mms.events.delivery.ConsentBasis;
import io.mms.events.delivery.EngagementKind;
import io.mms.events.delivery.MessageEngaged;
import io.mms.projections.EmbeddedMongo;
import io.mms.projections.ScriptedHistory;
import io.mms.projections.support.InvalidPageRequest;
import io.mms.projections.support.ProjectionWriter;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MarketingDashboardProjectionTest {

    private static final Instant MARCH_5 = Instant.parse("2026-03-05T10:00:00Z");
    private static final Instant MARCH_6 = Instant.parse("2026-03-06T00:00:00Z");
    private static final LocalDate FIFTH = LocalDate.parse("2026-03-05");
    private static final LocalDate SEVENTH = LocalDate.parse("2026-03-07");

    private EmbeddedMongo mongo;
    private MongoDatabase database;
    private MarketingDashboardProjection projection;
    private MarketingDashboard dashboard;

    @BeforeEach
    void startMongo() {
        mongo = new EmbeddedMongo();
        database = mongo.readModelDatabase();
        projection = new MarketingDashboardProjection(new ProjectionWriter(database));
        dashboard = new MarketingDashboard(database);
    }

    @AfterEach
    void stopMongo() {
        mongo.close();
    }

    /** Two registrations on the 5th, one on the 6th; an email and an SMS campaign, conversions on the 6th. */
    static ScriptedHistory history() {
        return new ScriptedHistory().then(
                new CustomerRegistered("cu-1", "a@example.com", "A", MARCH_5),
                new CustomerRegistered("cu-2", "b@example.com", "B", MARCH_5),
                new CampaignCreated("ca-mail", "Mail", Channel.EMAIL, eur("100"), null, MARCH_5),
                new CampaignCreated("ca-sms", "Text", Channel.SMS, eur("100"), null, MARCH_5),
                sent("cu-1", "ca-mail", Channel.EMAIL, MARCH_5),
                sent("cu-2", "ca-mail", Channel.EMAIL, MARCH_5),
                sent("cu-1", "ca-sms", Channel.SMS, MARCH_6),
                new CustomerRegistered("cu-3", "c@example.com", "C", MARCH_6),
                engaged("cu-1", "ca-mail", EngagementKind.OPENED, null),
                engaged("cu-1", "ca-mail", EngagementKind.CONVERTED, eur("20.00")),
                engaged("cu-2", "ca-mail", EngagementKind.CONVERTED, eur("5.25")),
                engaged("cu-1", "ca-sms", EngagementKind.CONVERTED, new Money(new BigDecimal("7"), "USD")));
    }

    @Test
    void everyDayOfTheRangeShowsNewCustomersAndEachChannel() {
        history().deliverTo(projection);

        List<DashboardDay> days = dashboard.days(FIFTH, SEVENTH);

        assertThat(days).extracting(DashboardDay::day).containsExactly("2026-03-05", "2026-03-06", "2026-03-07");
        assertThat(days).extracting(DashboardDay::newCustomers).containsExactly(2L, 1L, 0L);
        assertThat(days.get(0).channels()).containsExactly(
                new ChannelDay(Channel.EMAIL, 2, 0, List.of()),
                new ChannelDay(Channel.SMS, 0, 0, List.of()),
                new ChannelDay(Channel.PUSH, 0, 0, List.of()));
        assertThat(days.get(1).channels()).containsExactly(
                new ChannelDay(Channel.EMAIL, 0, 2, List.of(eur("25.25"))),
                new ChannelDay(Channel.SMS, 1, 1, List.of(new Money(new BigDecimal("7"), "USD"))),
                new ChannelDay(Channel.PUSH, 0, 0, List.of()));
    }

    @Test
    void aConversionProjectedBeforeItsCampaignCountsOnceTheCampaignIsKnown() {
        new ScriptedHistory().then(engaged("cu-1", "ca-late", EngagementKind.CONVERTED, eur("3")))
                .deliverTo(projection);
        assertThat(dashboard.days(FIFTH, SEVENTH).get(1).channels().get(0).conversions()).isZero();

        projection.on(new CampaignCreated("ca-late", "Late", Channel.EMAIL, eur("1"), null, MARCH_5),
                new GlobalSequenceTrackingToken(9));

        assertThat(dashboard.days(FIFTH, SEVENTH).get(1).channels().get(0).conversions()).isEqualTo(1);
    }

    @Test
    void aBackwardOrOverlongRangeIsRefused() {
        assertThatThrownBy(() -> dashboard.days(SEVENTH, FIFTH)).isInstanceOf(InvalidPageRequest.class);
        assertThatThrownBy(() -> dashboard.days(FIFTH, FIFTH.plusDays(366))).isInstanceOf(InvalidPageRequest.class);
        assertThat(dashboard.days(FIFTH, FIFTH.plusDays(365))).hasSize(366);
    }

    @Test
    void redeliveredEventsCountOnce() {
        ScriptedHistory history = history();
        history.deliverTo(projection);
        List<Document> before = rawDocuments();
        List<DashboardDay> counted = dashboard.days(FIFTH, SEVENTH);

        history.deliverTo(projection);
        history.deliverTo(projection, 5);

        assertThat(rawDocuments()).isEqualTo(before);
        assertThat(dashboard.days(FIFTH, SEVENTH)).isEqualTo(counted);
    }

    @Test
    void aFullReplayGivesIdenticalDocuments() {
        ScriptedHistory history = history();
        history.deliverTo(projection);
        List<Document> live = rawDocuments();

        projection.reset();
        assertThat(rawDocuments()).isEmpty();
        history.deliverTo(projection);

        assertThat(rawDocuments()).isEqualTo(live);
        assertThat(live.stream().map(Document::toJson).toList().hashCode())
                .isEqualTo(rawDocuments().stream().map(Document::toJson).toList().hashCode());
    }

    private static CampaignMessageSent sent(String customerId, String campaignId, Channel channel, Instant at) {
        return new CampaignMessageSent(customerId, campaignId, customerId + ":" + campaignId, channel,
                customerId + "@example.com", "Subject", "Body",
                new ConsentBasis(channel, "marketing", "signup-form", at.minusSeconds(60)), at);
    }

    private static MessageEngaged engaged(String customerId, String campaignId, EngagementKind kind, Money revenue) {
        return new MessageEngaged(customerId, campaignId, customerId + ":" + campaignId, kind,
                "p-" + customerId + campaignId + kind, MARCH_6.plusSeconds(3600), revenue, null);
    }

    private static Money eur(String amount) {
        return new Money(new BigDecimal(amount), "EUR");
    }

    private List<Document> rawDocuments() {
        List<Document> documents = new ArrayList<>();
        for (String name : List.of(MarketingDashboard.FACTS.name(), MarketingDashboard.CAMPAIGNS.name())) {
            database.getCollection(name).find().sort(Sorts.ascending("_id")).into(documents);
        }
        return documents;
    }
}
