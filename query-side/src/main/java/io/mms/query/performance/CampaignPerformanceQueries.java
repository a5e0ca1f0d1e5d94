package io.mms.query.performance;

import io.mms.projections.campaign.CampaignSummary;
import io.mms.projections.performance.CampaignPerformance;
import io.mms.projections.performance.CampaignPerformances;
import io.mms.projections.support.InvalidPageRequest;
import io.mms.query.QuerySettings;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A campaign's performance, and its changes pushed to subscribers. The subscription watches
 * the read model itself, polling for facts recorded after the last push, so it works whether
 * the projections run in this process or in another one.
 */
@Controller
class CampaignPerformanceQueries {

    private final CampaignPerformances performances;
    private final QuerySettings settings;

    CampaignPerformanceQueries(CampaignPerformances performances, QuerySettings settings) {
        this.performances = performances;
        this.settings = settings;
    }

    /** Every campaign of a response is read in one go (a DataLoader batch), not one by one. */
    @BatchMapping(typeName = "Campaign", field = "performance")
    Map<CampaignSummary, CampaignPerformance> performance(List<CampaignSummary> campaigns) {
        Map<String, CampaignPerformance> byId = performances.of(campaigns.stream().map(CampaignSummary::id).toList());
        Map<CampaignSummary, CampaignPerformance> result = new LinkedHashMap<>();
        campaigns.forEach(campaign -> result.put(campaign, byId.get(campaign.id())));
        return result;
    }

    @SubscriptionMapping
    Flux<CampaignPerformance> campaignPerformanceChanged(@Argument String campaignId) {
        if (campaignId.isBlank()) {
            throw new InvalidPageRequest("campaignId must not be blank");
        }
        return Flux.defer(() -> {
            AtomicLong lastPushed = new AtomicLong(performances.latestPosition(campaignId).orElse(-1));
            return Flux.interval(settings.performancePollInterval())
                    .onBackpressureDrop()
                    .concatMap(tick -> poll(campaignId, lastPushed), 1)
                    .flatMapIterable(found -> found.stream().toList());
        }).subscribeOn(Schedulers.boundedElastic());
    }

    /** The blocking reads run on a thread meant for blocking, never on the timer's. */
    private Mono<Optional<CampaignPerformance>> poll(String campaignId, AtomicLong lastPushed) {
        return Mono.fromCallable(() -> {
            long latest = performances.latestPosition(campaignId).orElse(-1);
            if (latest <= lastPushed.get()) {
                return Optional.<CampaignPerformance>empty();
            }
            lastPushed.set(latest);
            return Optional.of(performances.of(campaignId));
        }).subscribeOn(Schedulers.boundedElastic());
    }
}
