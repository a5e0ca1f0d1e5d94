package io.mms.benchmarks;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * B5: pages of customers, and of campaigns with their performance, through GraphQL, against the
 * same pages from the same readers through a plain Spring MVC endpoint in the same web server
 * ({@link RestBaseline}).
 */
final class Reads {

    static final String NAME = "B5 GraphQL reads";

    private static final String CUSTOMERS = """
            query($first: Int) { customers(first: $first) {
              edges { cursor node { id email name registeredAt } } pageInfo { hasNextPage endCursor } } }""";
    private static final String CAMPAIGNS = """
            query($first: Int) { campaigns(first: $first) {
              edges { cursor node { id name channel budget { amount currency } description status createdAt
                launchedAt startAt endAt spent { amount currency } pauseReason
                performance { audienceSize
                  funnel { sent { total unique } opened { total unique } clicked { total unique }
                    converted { total unique } }
                  revenue { amount currency } cost { amount currency } roi } } }
              pageInfo { hasNextPage endCursor } } }""";
    private static final String CREATE_CAMPAIGN = """
            mutation($input: CreateCampaignInput!) { createCampaign(input: $input) { campaignId } }""";

    private record Case(String name, String document, String restPath, String connection, int first) {
    }

    private Reads() {
    }

    static void run(Mms mms, Sizes sizes, Consumer<Measurement> results) {
        createCampaigns(mms.http(), sizes.campaigns());
        mms.awaitProcessorsCaughtUp(Duration.ofMinutes(5));
        List<Case> cases = List.of(
                new Case("page of 20 customers", CUSTOMERS, RestBaseline.CUSTOMERS, "customers", 20),
                // The API refuses pages above 100, so the large page is 100 rather than 1,000.
                new Case("page of 100 customers", CUSTOMERS, RestBaseline.CUSTOMERS, "customers", 100),
                new Case("page of 100 campaigns with their performance", CAMPAIGNS, RestBaseline.CAMPAIGNS, "campaigns",
                        Math.min(100, sizes.campaigns())));
        for (Case read : cases) {
            measure(mms.http(), sizes, read, results);
        }
    }

    private static void createCampaigns(Http http, int count) {
        for (int i = 0; i < count; i++) {
            http.graphQl(CREATE_CAMPAIGN, Map.of("input", Map.of("name", "Campaign " + i, "channel", "EMAIL",
                    "budget", Map.of("amount", "1000.00", "currency", "EUR"), "description", "Benchmark")));
        }
    }

    private static void measure(Http http, Sizes sizes, Case read, Consumer<Measurement> results) {
        Map<String, Object> variables = Map.of("first", read.first());
        int edges = http.graphQl(read.document(), variables).at("/" + read.connection() + "/edges").size();
        if (edges != read.first()) {
            throw new IllegalStateException(read.name() + " answered " + edges + " items");
        }
        Load.Task graphQl = index -> http.graphQl(read.document(), variables);
        Load.Task rest = index -> http.get(read.restPath() + read.first());
        Load.during(sizes.clients(), sizes.readDuration(), graphQl);
        Load.during(sizes.clients(), sizes.readDuration(), rest);
        Load.Series viaGraphQl = Load.during(sizes.clients(), sizes.readDuration(), graphQl);
        Load.Series viaRest = Load.during(sizes.clients(), sizes.readDuration(), rest);
        report(results, read.name() + " (GraphQL)", viaGraphQl);
        report(results, read.name() + " (baseline: REST)", viaRest);
        results.accept(new Measurement(NAME, "ratio GraphQL / REST, " + read.name(), "ratio",
                viaGraphQl.perSecond() / viaRest.perSecond()));
    }

    private static void report(Consumer<Measurement> results, String workload, Load.Series series) {
        results.accept(new Measurement(NAME, workload, "req/s", series.perSecond()));
        results.accept(new Measurement(NAME, workload, "p99 ms", series.latencies().percentileMillis(0.99)));
    }
}
