package io.mms.projections.campaign;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import io.mms.events.Money;
import io.mms.events.audience.TagMatch;
import io.mms.events.campaign.Channel;
import io.mms.events.campaign.PauseReason;
import io.mms.events.customer.LifecycleStage;
import io.mms.projections.support.Listing;
import io.mms.projections.support.Page;
import io.mms.projections.support.ReadModel;
import io.mms.projections.support.ReadModelCollection;
import org.bson.Document;
import org.bson.types.Decimal128;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/** Reads the campaign-summary read model. */
public class CampaignSummaries {

    public static final String PROCESSOR = "campaign-summaries";

    public static final ReadModelCollection COLLECTION = new ReadModelCollection(
            "campaign_summaries", "_id",
            List.of(Indexes.ascending("createdAt", "_id"), Indexes.ascending("status", "createdAt", "_id")));

    public static final ReadModel READ_MODEL = new ReadModel(PROCESSOR, List.of(COLLECTION));

    private final MongoCollection<Document> collection;

    public CampaignSummaries(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION.name());
    }

    public Optional<CampaignSummary> byId(String campaignId) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", campaignId)).first())
                .map(CampaignSummaries::toSummary);
    }

    /** Campaigns in the order they were created, only those in the given status if one is given. */
    public Page<CampaignSummary> page(String status, int first, String after) {
        var filter = status == null ? Filters.empty() : Filters.eq("status", status);
        return Listing.page(collection, filter, "createdAt", first, after, CampaignSummaries::toSummary);
    }

    static Document toDocument(Money money) {
        return new Document("amount", new Decimal128(money.amount())).append("currency", money.currency());
    }

    static CampaignSummary toSummary(Document document) {
        Money budget = toMoney(document.get("budget", Document.class));
        Document spent = document.get("spent", Document.class);
        String pauseReason = document.getString("pauseReason");
        return new CampaignSummary(
                document.getString("_id"),
                document.getString("name"),
                Channel.valueOf(document.getString("channel")),
                budget,
                document.getString("description"),
                document.getString("status"),
                document.getDate("createdAt").toInstant(),
                instant(document, "launchedAt"),
                instant(document, "startAt"),
                instant(document, "endAt"),
                spent == null ? new Money(BigDecimal.ZERO, budget.currency()) : toMoney(spent),
                pauseReason == null ? null : PauseReason.valueOf(pauseReason),
                toAudience(document.get("audience", Document.class)));
    }

    static Document toDocument(CampaignAudience audience) {
        return new Document("tagMatch", audience.tagMatch().name())
                .append("tags", audience.tags())
                .append("stages", audience.stages().stream().map(Enum::name).toList())
                .append("attributes", audience.attributes().stream()
                        .map(condition -> new Document("key", condition.key()).append("value", condition.value()))
                        .toList())
                .append("registeredAfter", date(audience.registeredAfter()))
                .append("registeredBefore", date(audience.registeredBefore()));
    }

    private static CampaignAudience toAudience(Document audience) {
        if (audience == null) {
            return null;
        }
        return new CampaignAudience(
                TagMatch.valueOf(audience.getString("tagMatch")),
                audience.getList("tags", String.class),
                audience.getList("stages", String.class).stream().map(LifecycleStage::valueOf).toList(),
                audience.getList("attributes", Document.class).stream()
                        .map(condition -> new CampaignAudience.Condition(
                                condition.getString("key"), condition.getString("value")))
                        .toList(),
                instant(audience, "registeredAfter"),
                instant(audience, "registeredBefore"));
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    private static Money toMoney(Document money) {
        return new Money(money.get("amount", Decimal128.class).bigDecimalValue(), money.getString("currency"));
    }

    private static Instant instant(Document document, String field) {
        Date date = document.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
