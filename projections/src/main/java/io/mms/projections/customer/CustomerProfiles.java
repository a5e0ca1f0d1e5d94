package io.mms.projections.customer;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import io.mms.events.campaign.Channel;
import io.mms.events.customer.LifecycleStage;
import io.mms.projections.customer.CustomerProfile.ConsentState;
import io.mms.projections.customer.CustomerProfile.Engagement;
import io.mms.projections.support.Listing;
import io.mms.projections.support.Page;
import io.mms.projections.support.ReadModel;
import io.mms.projections.support.ReadModelCollection;
import io.mms.projections.support.SortOrder;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the customer-profile read model.
 *
 * <p>A customer's <em>last activity</em> is the latest moment they did something: registered,
 * changed their email or profile, granted or withdrew consent, opened, clicked, converted or
 * unsubscribed. Messages sent to them, delivery reports, tags and stage changes are things
 * done to them and do not count. The engagement score is explained in {@link EngagementScore}.
 *
 * <p><b>What paging promises.</b> A cursor names a place in the order (sort key and id), not
 * an offset. Ordered by registration, whose key never changes, every customer that matches
 * the filter throughout a walk through the pages appears exactly once. Last activity and
 * score weight only ever grow, so a customer can only move towards the newest/highest end
 * while a client pages: in descending order no customer appears twice, and one that moves
 * from after the cursor to before it (became active, or engaged, while the client paged) is
 * not shown again in that walk, because it now sits among the pages already read, where a
 * fresh first page shows it. In ascending order no customer is missed, and one that moves
 * from before the cursor to after it appears a second time, at its new place. Customers
 * whose key does not cross the cursor appear exactly once in either direction.
 */
public class CustomerProfiles {

    public static final String PROCESSOR = "customer-profiles";

    static final String EMAIL_KEY = "emailKey";
    static final String NAME_KEY = "nameKey";
    static final String GRANTED = "grantedConsents";
    static final String ACTIVITY = "lastActivityAt";
    static final String WEIGHT = "engagement.weight";

    public static final ReadModelCollection COLLECTION = new ReadModelCollection(
            "customer_profiles", "_id", List.of(
                    Indexes.ascending("registeredAt", "_id"),
                    Indexes.ascending(ACTIVITY, "_id"),
                    Indexes.ascending(WEIGHT, "_id"),
                    Indexes.ascending("tags"),
                    Indexes.ascending("stage"),
                    Indexes.ascending(GRANTED),
                    Indexes.ascending(EMAIL_KEY),
                    Indexes.ascending(NAME_KEY)));

    public static final ReadModel READ_MODEL = new ReadModel(PROCESSOR, List.of(COLLECTION), "customerId");

    private static final String DEFAULT_PURPOSE = "marketing";

    private final MongoCollection<Document> collection;

    public CustomerProfiles(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION.name());
    }

    public Optional<CustomerProfile> byId(String customerId) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", customerId)).first())
                .map(CustomerProfiles::toProfile);
    }

    /** The customers with these ids that the read model knows, by id; one query for them all. */
    public Map<String, CustomerProfile> byIds(Collection<String> customerIds) {
        Map<String, CustomerProfile> found = new HashMap<>();
        collection.find(Filters.in("_id", customerIds))
                .forEach(document -> found.put(document.getString("_id"), toProfile(document)));
        return found;
    }

    /** Every customer, in the order they registered. */
    public Page<CustomerProfile> page(int first, String after) {
        return page(CustomerFilter.NONE, CustomerOrder.REGISTERED_AT, false, first, after);
    }

    /** The customers that match the filter, in the given order; see the class comment for what paging promises. */
    public Page<CustomerProfile> page(CustomerFilter filter, CustomerOrder order, boolean descending,
                                      int first, String after) {
        return Listing.page(collection, where(filter), sortOrder(order, descending), first, after,
                CustomerProfiles::toProfile);
    }

    static String normalize(String text) {
        return text == null ? null : text.trim().toLowerCase(Locale.ROOT);
    }

    /** A consent as the filterable value that a customer holds while it is in force. */
    static String consentKey(Channel channel, String purpose) {
        return channel.name() + ":" + purpose;
    }

    /** A consent as a field name: purposes are free text, so dots and dollars are escaped. */
    static String consentField(Channel channel, String purpose) {
        return channel.name() + "_" + URLEncoder.encode(purpose, StandardCharsets.UTF_8).replace(".", "%2E");
    }

    private static SortOrder sortOrder(CustomerOrder order, boolean descending) {
        String field = switch (order) {
            case REGISTERED_AT -> "registeredAt";
            case LAST_ACTIVITY_AT -> ACTIVITY;
            case SCORE -> WEIGHT;
        };
        return new SortOrder(field, descending);
    }

    private static Bson where(CustomerFilter filter) {
        List<Bson> conditions = new ArrayList<>();
        if (filter.tag() != null) {
            conditions.add(Filters.eq("tags", normalize(filter.tag())));
        }
        if (filter.stage() != null) {
            conditions.add(Filters.eq("stage", filter.stage().name()));
        }
        if (filter.consentChannel() != null) {
            String purpose = filter.consentPurpose() == null ? DEFAULT_PURPOSE : normalize(filter.consentPurpose());
            conditions.add(Filters.eq(GRANTED, consentKey(filter.consentChannel(), purpose)));
        }
        if (filter.registeredFrom() != null) {
            conditions.add(Filters.gte("registeredAt", Date.from(filter.registeredFrom())));
        }
        if (filter.registeredBefore() != null) {
            conditions.add(Filters.lt("registeredAt", Date.from(filter.registeredBefore())));
        }
        startsWith(EMAIL_KEY, filter.emailPrefix()).ifPresent(conditions::add);
        startsWith(NAME_KEY, filter.namePrefix()).ifPresent(conditions::add);
        return conditions.isEmpty() ? Filters.empty() : Filters.and(conditions);
    }

    /**
     * An anchored regular expression over the lower-cased field, with every character that is
     * not a letter or digit escaped: an index on the field serves it, and user input cannot
     * inject a pattern.
     */
    private static Optional<Bson> startsWith(String field, String prefix) {
        String normalized = normalize(prefix);
        if (normalized == null || normalized.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder pattern = new StringBuilder("^");
        normalized.codePoints().forEach(c -> {
            if (!Character.isLetterOrDigit(c)) {
                pattern.append('\\');
            }
            pattern.appendCodePoint(c);
        });
        return Optional.of(Filters.regex(field, pattern.toString()));
    }

    static CustomerProfile toProfile(Document document) {
        return new CustomerProfile(
                document.getString("_id"),
                document.getString("email"),
                document.getString("name"),
                document.getDate("registeredAt").toInstant(),
                document.getString("phone"),
                document.getString("locale"),
                attributes(document),
                consents(document),
                List.copyOf(document.getList("tags", String.class, List.of())),
                LifecycleStage.valueOf(document.getString("stage")),
                engagement(document.get("engagement", Document.class)),
                instant(document, ACTIVITY));
    }

    private static Map<String, String> attributes(Document document) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (Document pair : document.getList("attributes", Document.class, List.of())) {
            attributes.put(pair.getString("key"), pair.getString("value"));
        }
        return attributes;
    }

    private static List<ConsentState> consents(Document document) {
        Document consents = document.get("consents", new Document());
        return consents.values().stream()
                .map(Document.class::cast)
                .map(decision -> new ConsentState(
                        Channel.valueOf(decision.getString("channel")),
                        decision.getString("purpose"),
                        decision.getBoolean("granted"),
                        decision.getString("source"),
                        decision.getDate("at").toInstant()))
                .sorted(Comparator.comparing(ConsentState::channel).thenComparing(ConsentState::purpose))
                .toList();
    }

    private static Engagement engagement(Document engagement) {
        return new Engagement(
                count(engagement, "sent"),
                count(engagement, "delivered"),
                count(engagement, "bounced"),
                count(engagement, "opens"),
                count(engagement, "clicks"),
                count(engagement, "conversions"),
                count(engagement, "unsubscribes"),
                ((Number) engagement.get("weight")).doubleValue(),
                instant(engagement, "lastEngagedAt"));
    }

    private static long count(Document engagement, String counter) {
        return ((Number) engagement.get(counter)).longValue();
    }

    private static Instant instant(Document document, String field) {
        Date date = document.getDate(field);
        return date == null ? null : date.toInstant();
    }
}
