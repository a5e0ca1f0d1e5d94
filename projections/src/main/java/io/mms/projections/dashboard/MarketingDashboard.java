package io.mms.projections.dashboard;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import io.mms.events.Money;
import io.mms.events.campaign.Channel;
import io.mms.projections.support.InvalidPageRequest;
import io.mms.projections.support.ReadModel;
import io.mms.projections.support.ReadModelCollection;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Decimal128;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads the marketing-dashboard read model: per UTC day, new customers, and per channel the
 * messages sent, conversions and revenue. A range of days costs three queries.
 */
public class MarketingDashboard {

    public static final String PROCESSOR = "marketing-dashboard";

    /** The longest range one request may ask for, in days. */
    public static final int MAX_DAYS = 366;

    static final String DAY = "day";

    public static final ReadModelCollection FACTS = new ReadModelCollection(
            "marketing_dashboard", DAY, List.of(Indexes.ascending(DAY, "kind")));

    /** Each campaign's channel, to file conversions, which do not name one, under it. */
    public static final ReadModelCollection CAMPAIGNS = new ReadModelCollection(
            "marketing_dashboard_campaigns", "_id", List.of());

    public static final ReadModel READ_MODEL = new ReadModel(PROCESSOR, List.of(FACTS, CAMPAIGNS));

    private final MongoCollection<Document> facts;
    private final MongoCollection<Document> campaigns;

    public MarketingDashboard(MongoDatabase database) {
        this.facts = database.getCollection(FACTS.name());
        this.campaigns = database.getCollection(CAMPAIGNS.name());
    }

    /** Every day from {@code from} to {@code to}, both included, days without activity as zeros. */
    public List<DashboardDay> days(LocalDate from, LocalDate to) {
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new InvalidPageRequest("to must not be before from, and the range at most " + MAX_DAYS
                    + " days long");
        }
        Bson inRange = Filters.and(Filters.gte(DAY, from.toString()), Filters.lte(DAY, to.toString()));
        Map<String, Long> counts = countRegistrationsAndSends(inRange);
        Map<String, BigDecimal> revenue = new HashMap<>();
        List<Document> conversions = facts.find(Filters.and(inRange, Filters.eq("kind", "CONVERTED")))
                .into(new ArrayList<>());
        Map<String, String> channels = channelsOf(conversions);
        for (Document conversion : conversions) {
            String channel = channels.get(conversion.getString("campaignId"));
            if (channel != null) {
                String key = key(conversion.getString(DAY), "CONVERTED", channel);
                counts.merge(key, 1L, Long::sum);
                Document money = conversion.get("revenue", Document.class);
                revenue.merge(key + "|" + money.getString("currency"),
                        money.get("amount", Decimal128.class).bigDecimalValue(), BigDecimal::add);
            }
        }
        List<DashboardDay> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            days.add(dayOf(day.toString(), counts, revenue));
        }
        return days;
    }

    private Map<String, Long> countRegistrationsAndSends(Bson inRange) {
        Map<String, Long> counts = new HashMap<>();
        Document match = new Document("$match",
                Filters.and(inRange, Filters.in("kind", List.of("REGISTERED", "SENT"))));
        Document group = new Document("$group", new Document("_id",
                new Document("d", "$" + DAY).append("k", "$kind").append("c", "$channel"))
                .append("n", new Document("$sum", 1)));
        for (Document row : facts.aggregate(List.of(match, group))) {
            Document id = row.get("_id", Document.class);
            counts.put(key(id.getString("d"), id.getString("k"), id.getString("c")),
                    ((Number) row.get("n")).longValue());
        }
        return counts;
    }

    private Map<String, String> channelsOf(List<Document> conversions) {
        Set<String> ids = new HashSet<>();
        conversions.forEach(conversion -> ids.add(conversion.getString("campaignId")));
        Map<String, String> channels = new HashMap<>();
        if (!ids.isEmpty()) {
            campaigns.find(Filters.in("_id", ids))
                    .forEach(campaign -> channels.put(campaign.getString("_id"), campaign.getString("channel")));
        }
        return channels;
    }

    private static DashboardDay dayOf(String day, Map<String, Long> counts, Map<String, BigDecimal> revenue) {
        List<ChannelDay> channels = new ArrayList<>();
        for (Channel channel : Channel.values()) {
            String converted = key(day, "CONVERTED", channel.name());
            Map<String, BigDecimal> earned = new TreeMap<>();
            revenue.forEach((key, amount) -> {
                if (key.startsWith(converted + "|")) {
                    earned.put(key.substring(converted.length() + 1), amount);
                }
            });
            channels.add(new ChannelDay(channel, counts.getOrDefault(key(day, "SENT", channel.name()), 0L),
                    counts.getOrDefault(converted, 0L),
                    earned.entrySet().stream().map(entry -> new Money(entry.getValue(), entry.getKey())).toList()));
        }
        return new DashboardDay(day, counts.getOrDefault(key(day, "REGISTERED", null), 0L), channels);
    }

    private static String key(String day, String kind, String channel) {
        return day + "|" + kind + "|" + channel;
    }
}
