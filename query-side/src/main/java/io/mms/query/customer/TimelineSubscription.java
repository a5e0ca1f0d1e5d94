package io.mms.query.customer;

import io.mms.projections.campaign.CampaignSummaries;
import io.mms.projections.campaign.CampaignSummary;
import io.mms.projections.support.InvalidPageRequest;
import io.mms.projections.timeline.CustomerTimeline;
import io.mms.projections.timeline.TimelineEntry;
import io.mms.query.QuerySettings;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Pushes new timeline entries to subscribers. It watches the timeline collection itself,
 * polling for entries recorded after the last one it pushed, so it works whether the
 * projections run in this process or in another one.
 */
@Controller
class TimelineSubscription {

    /** Entries pushed per poll at most; a longer burst is pushed over the following polls. */
    private static final int BURST = 100;

    private final CustomerTimeline timeline;
    private final CampaignSummaries campaigns;
    private final QuerySettings settings;

    TimelineSubscription(CustomerTimeline timeline, CampaignSummaries campaigns, QuerySettings settings) {
        this.timeline = timeline;
        this.campaigns = campaigns;
        this.settings = settings;
    }

    @SubscriptionMapping
    Flux<TimelineEntry> timelineEntryAdded(@Argument String customerId) {
        if (customerId.isBlank()) {
            throw new InvalidPageRequest("customerId must not be blank");
        }
        return Flux.defer(() -> {
            AtomicLong lastPushed = new AtomicLong(timeline.latestPosition(customerId).orElse(-1));
            return Flux.interval(settings.timelinePollInterval())
                    .onBackpressureDrop()
                    .concatMap(tick -> poll(customerId, lastPushed.get()), 1)
                    .concatMapIterable(entries -> entries)
                    .doOnNext(entry -> lastPushed.set(entry.position()));
        }).subscribeOn(Schedulers.boundedElastic());
    }

    @SchemaMapping(typeName = "TimelineEntry")
    CampaignSummary campaign(TimelineEntry entry) {
        return entry.campaignId() == null ? null : campaigns.byId(entry.campaignId()).orElse(null);
    }

    /** The blocking read runs on a thread meant for blocking, never on the timer's. */
    private Mono<List<TimelineEntry>> poll(String customerId, long after) {
        return Mono.fromCallable(() -> timeline.recordedAfter(customerId, after, BURST))
                .subscribeOn(Schedulers.boundedElastic());
    }
}
