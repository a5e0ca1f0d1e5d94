package io.mms.projections.performance;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import io.mms.events.Money;
import io.mms.projections.support.DocumentWrites;
import io.mms.projections.support.ReadModel;
import io.mms.projections.support.ReadModelCollection;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Decimal128;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Reads the campaign-performance read model. Performance is summed from the campaign's facts
 * when asked; the performance of any number of campaigns costs two queries.
 */
public class CampaignPerformances {

    public static final String PROCESSOR = "campaign-performance";

    static final String CAMPAIGN = "campaignId";

    public static final ReadModelCollection COLLECTION = new ReadModelCollection(
            "campaign_performance", CAMPAIGN, List.of(
                    Indexes.ascending(CAMPAIGN, "kind", "messageId"),
                    Indexes.ascending(CAMPAIGN, DocumentWrites.POSITION)));

    public static final ReadModel READ_MODEL = new ReadModel(PROCESSOR, List.of(COLLECTION), CAMPAIGN);

    private static final List<String> FUNNEL =
            List.of("SENT", "DELIVERED", "BOUNCED", "OPENED", "CLICKED", "CONVERTED", "UNSUBSCRIBED");

    private final MongoCollection<Document> collection;

    public CampaignPerformances(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION.name());
    }

    /** The performance of each campaign; one with no facts yet performs as an empty funnel. */
    public Map<String, CampaignPerformance> of(Collection<String> campaignIds) {
        List<String> ids = List.copyOf(new LinkedHashSet<>(campaignIds));
        Map<String, Counts> counts = new HashMap<>();
        ids.forEach(id -> counts.put(id, new Counts()));
        if (!ids.isEmpty()) {
            countFunnels(ids, counts);
            readMoney(ids, counts);
        }
        Map<String, CampaignPerformance> performances = new LinkedHashMap<>();
        ids.forEach(id -> performances.put(id, counts.get(id).performance(id)));
        return performances;
    }

    public CampaignPerformance of(String campaignId) {
        return of(List.of(campaignId)).get(campaignId);
    }

    /** The position of the campaign's latest fact, which grows whenever its performance changes. */
    public OptionalLong latestPosition(String campaignId) {
        Document newest = collection.find(Filters.eq(CAMPAIGN, campaignId))
                .sort(Sorts.descending(DocumentWrites.POSITION))
                .limit(1)
                .first();
        return newest == null ? OptionalLong.empty() : OptionalLong.of(newest.getLong(DocumentWrites.POSITION));
    }

    /**
     * One aggregation: reports are first grouped per message, so that the second grouping
     * counts every report (total) and every message once (unique), overall and per day.
     */
    private void countFunnels(List<String> ids, Map<String, Counts> counts) {
        Bson match = new Document("$match", Filters.and(Filters.in(CAMPAIGN, ids), Filters.in("kind", FUNNEL)));
        Document facets = new Document("overall", perMessageThenPerKind(false))
                .append("daily", perMessageThenPerKind(true));
        Document result = collection.aggregate(List.of(match, new Document("$facet", facets))).first();
        if (result == null) {
            return;
        }
        for (Document row : result.getList("overall", Document.class)) {
            Document key = row.get("_id", Document.class);
            counts.get(key.getString("c")).overall.put(key.getString("k"), countOf(row));
        }
        for (Document row : result.getList("daily", Document.class)) {
            Document key = row.get("_id", Document.class);
            counts.get(key.getString("c")).day(key.getString("d")).put(key.getString("k"), countOf(row));
        }
    }

    private static List<Document> perMessageThenPerKind(boolean perDay) {
        Document message = new Document("c", "$" + CAMPAIGN).append("k", "$kind").append("m", "$messageId");
        Document kind = new Document("c", "$_id.c").append("k", "$_id.k");
        if (perDay) {
            message.append("d", "$day");
            kind.append("d", "$_id.d");
        }
        return List.of(
                new Document("$group", new Document("_id", message).append("n", new Document("$sum", 1))),
                new Document("$group", new Document("_id", kind)
                        .append("total", new Document("$sum", "$n"))
                        .append("unique", new Document("$sum", 1))));
    }

    private static FunnelCount countOf(Document row) {
        return new FunnelCount(((Number) row.get("total")).longValue(), ((Number) row.get("unique")).longValue());
    }

    /** Revenue, spend and currency are summed here, exactly, rather than by the database. */
    private void readMoney(List<String> ids, Map<String, Counts> counts) {
        var filter = Filters.and(Filters.in(CAMPAIGN, ids),
                Filters.in("kind", List.of("CREATED", "SPEND", "CONVERTED")));
        for (Document fact : collection.find(filter)) {
            Counts campaign = counts.get(fact.getString(CAMPAIGN));
            switch (fact.getString("kind")) {
                case "CREATED" -> campaign.currency = fact.getString("currency");
                case "SPEND" -> campaign.spend(fact.getLong(DocumentWrites.POSITION),
                        toMoney(fact.get("totalSpent", Document.class)));
                default -> campaign.earn(fact.getString("day"), toMoney(fact.get("revenue", Document.class)));
            }
        }
    }

    private static Money toMoney(Document money) {
        return new Money(money.get("amount", Decimal128.class).bigDecimalValue(), money.getString("currency"));
    }

    /** What was read about one campaign, before it becomes its performance. */
    private static final class Counts {
        private final Map<String, FunnelCount> overall = new HashMap<>();
        private final Map<String, Map<String, FunnelCount>> daily = new TreeMap<>();
        private final Map<String, BigDecimal> revenue = new TreeMap<>();
        private final Map<String, Map<String, BigDecimal>> dailyRevenue = new TreeMap<>();
        private String currency;
        private long spendPosition = -1;
        private Money spent;

        Map<String, FunnelCount> day(String day) {
            return daily.computeIfAbsent(day, key -> new HashMap<>());
        }

        /** Spend events carry the running total: the latest one is the cost. */
        void spend(long position, Money total) {
            if (position > spendPosition) {
                spendPosition = position;
                spent = total;
            }
        }

        void earn(String day, Money earned) {
            revenue.merge(earned.currency(), earned.amount(), BigDecimal::add);
            dailyRevenue.computeIfAbsent(day, key -> new TreeMap<>())
                    .merge(earned.currency(), earned.amount(), BigDecimal::add);
            day(day);
        }

        CampaignPerformance performance(String campaignId) {
            Funnel funnel = Funnel.of(overall);
            Money cost = spent != null ? spent : currency == null ? null : new Money(BigDecimal.ZERO, currency);
            List<DailyPerformance> days = new ArrayList<>();
            daily.forEach((day, byKind) -> days.add(new DailyPerformance(day, Funnel.of(byKind),
                    amounts(dailyRevenue.getOrDefault(day, Map.of())))));
            return new CampaignPerformance(campaignId, funnel.sent().unique(), funnel, funnel.rates(),
                    amounts(revenue), cost, roi(cost), days);
        }

        private Double roi(Money cost) {
            if (cost == null || cost.amount().signum() <= 0) {
                return null;
            }
            BigDecimal earned = revenue.getOrDefault(cost.currency(), BigDecimal.ZERO);
            return earned.subtract(cost.amount()).divide(cost.amount(), MathContext.DECIMAL64).doubleValue();
        }

        private static List<Money> amounts(Map<String, BigDecimal> byCurrency) {
            return byCurrency.entrySet().stream().map(entry -> new Money(entry.getValue(), entry.getKey())).toList();
        }
    }
}
