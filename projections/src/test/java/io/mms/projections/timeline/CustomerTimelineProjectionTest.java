package io.mms.projections.timeline;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import io.mms.projections.EmbeddedMongo;
import io.mms.projections.ScriptedHistory;
import io.mms.projections.support.Page;
import io.mms.projections.support.ProjectionWriter;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import static io.mms.projections.customer.CustomerHistories.fullHistory;
import static org.assertj.core.api.Assertions.assertThat;

class CustomerTimelineProjectionTest {

    private EmbeddedMongo mongo;
    private MongoDatabase database;
    private CustomerTimelineProjection projection;
    private CustomerTimeline timeline;

    @BeforeEach
    void startMongo() {
        mongo = new EmbeddedMongo();
        database = mongo.readModelDatabase();
        projection = new CustomerTimelineProjection(new ProjectionWriter(database));
        timeline = new CustomerTimeline(database);
    }

    @AfterEach
    void stopMongo() {
        mongo.close();
    }

    @Test
    void everyFactAboutTheCustomerIsAnEntryNewestFirst() {
        fullHistory().deliverTo(projection);

        List<TimelineEntry> entries = timeline.page("cu-1", 100, null).items().stream().map(Page.Item::node).toList();

        assertThat(entries).extracting(TimelineEntry::kind).containsExactly(
                TimelineEntryKind.CONVERTED, TimelineEntryKind.MESSAGE_OPENED, TimelineEntryKind.MESSAGE_CLICKED,
                TimelineEntryKind.MESSAGE_OPENED, TimelineEntryKind.MESSAGE_DELIVERED, TimelineEntryKind.MESSAGE_SENT,
                TimelineEntryKind.STAGE_CHANGED, TimelineEntryKind.TAG_REMOVED, TimelineEntryKind.CONSENT_WITHDRAWN,
                TimelineEntryKind.EMAIL_CHANGED, TimelineEntryKind.PROFILE_UPDATED, TimelineEntryKind.TAG_ADDED,
                TimelineEntryKind.TAG_ADDED, TimelineEntryKind.CONSENT_GRANTED, TimelineEntryKind.CONSENT_GRANTED,
                TimelineEntryKind.REGISTERED);
        assertThat(entries).extracting(TimelineEntry::customerId).containsOnly("cu-1");
        assertThat(entries.get(0).id()).isEqualTo("event-17");
    }

    @Test
    void summariesSayWhatHappenedWithoutPersonalData() {
        fullHistory().deliverTo(projection);

        List<TimelineEntry> entries = timeline.page("cu-1", 100, null).items().stream().map(Page.Item::node).toList();

        assertThat(entries).extracting(TimelineEntry::summary).contains(
                "Converted, earning 25.00 EUR",
                "Clicked a link in the message",
                "Sent EMAIL message 'Winter sale'",
                "Moved from LEAD to CUSTOMER",
                "Withdrew consent to SMS for marketing (stop-reply)",
                "Changed email address",
                "Tagged 'vip'",
                "Registered");
        assertThat(entries).extracting(TimelineEntry::summary).noneMatch(summary ->
                summary.contains("@") || summary.contains("Ada") || summary.contains("+44")
                        || summary.contains("https://"));
        assertThat(entries.get(0).campaignId()).isEqualTo("ca-1");
    }

    @Test
    void pagesWalkTheTimelineWithoutGapsOrRepeats() {
        fullHistory().deliverTo(projection);
        List<String> seen = new ArrayList<>();
        String after = null;
        boolean more = true;

        while (more) {
            Page<TimelineEntry> page = timeline.page("cu-1", 5, after);
            page.items().forEach(item -> seen.add(item.node().id()));
            after = page.items().get(page.items().size() - 1).cursor();
            more = page.hasNextPage();
        }

        assertThat(seen).hasSize(16).doesNotHaveDuplicates();
        assertThat(timeline.page("cu-2", 5, null).items()).hasSize(1);
    }

    @Test
    void entriesRecordedAfterAPositionComeOldestFirst() {
        fullHistory().deliverTo(projection);

        assertThat(timeline.recordedAfter("cu-1", 14, 10)).extracting(TimelineEntry::position)
                .containsExactly(15L, 16L, 17L);
        assertThat(timeline.latestPosition("cu-1")).isEqualTo(OptionalLong.of(17));
        assertThat(timeline.latestPosition("cu-404")).isEmpty();
    }

    @Test
    void redeliveredEventsAddNoEntries() {
        ScriptedHistory history = fullHistory();
        history.deliverTo(projection);
        List<Document> before = rawDocuments();

        history.deliverTo(projection);
        history.deliverTo(projection, 10);

        assertThat(before).hasSize(17);
        assertThat(rawDocuments()).isEqualTo(before);
    }

    @Test
    void aFullReplayGivesIdenticalEntries() {
        ScriptedHistory history = fullHistory();
        history.deliverTo(projection);
        List<Document> live = rawDocuments();

        projection.reset();
        assertThat(rawDocuments()).isEmpty();
        history.deliverTo(projection);

        assertThat(rawDocuments()).isEqualTo(live);
    }

    private List<Document> rawDocuments() {
        return database.getCollection(CustomerTimeline.COLLECTION.name())
                .find().sort(Sorts.ascending("_id")).into(new ArrayList<>());
    }
}
