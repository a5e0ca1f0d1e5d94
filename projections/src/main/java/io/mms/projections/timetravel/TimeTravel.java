package io.mms.projections.timetravel;

import io.mms.projections.campaign.CampaignSummaries;
import io.mms.projections.campaign.CampaignSummaryProjection;
import io.mms.projections.customer.CustomerProfileProjection;
import io.mms.projections.customer.CustomerProfiles;
import io.mms.projections.segment.SegmentMembership;
import io.mms.projections.segment.SegmentMembershipProjection;
import io.mms.projections.support.InvalidPageRequest;
import io.mms.projections.support.ReadModelCollection;
import io.mms.projections.support.ScratchSpace;
import io.mms.projections.support.ScratchSpaces;
import io.mms.projections.timeline.CustomerTimeline;
import io.mms.projections.timeline.CustomerTimelineProjection;
import org.axonframework.eventhandling.TrackedEventMessage;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Read models as they were at a past instant, rebuilt from the event history up to it by fresh
 * instances of the live projections in a {@link ScratchSpace}; the caller reads the space with
 * the live readers and closes it. No projection logic is repeated here: only which events
 * feed which projections.
 *
 * <p>History is cut at the first event recorded after the instant (the event store's time of
 * recording, not a time inside the event such as a backdated consent), so the replay sees a
 * prefix of the stream, as the live read model once did. Every replay reads at most
 * {@code maxEvents} events, or it is refused with {@link HistoryTooLong}.
 */
public class TimeTravel {

    private final EventHistory history;
    private final ScratchSpaces spaces;
    private final long maxEvents;
    private final Clock clock;

    public TimeTravel(EventHistory history, ScratchSpaces spaces, long maxEvents, Clock clock) {
        this.history = history;
        this.spaces = spaces;
        this.maxEvents = maxEvents;
        this.clock = clock;
    }

    /**
     * The customer's profile and timeline as of the instant, from the customer's own events,
     * which include the messages sent to them and what became of them.
     */
    public ScratchSpace customer(String customerId, Instant asOf) {
        return replay(asOf, () -> history.ofAggregate(customerId), event -> true,
                List.of(CustomerProfiles.COLLECTION, CustomerTimeline.COLLECTION),
                space -> List.of(new CustomerProfileProjection(space.writer()),
                        new CustomerTimelineProjection(space.writer())));
    }

    /** The campaign's summary as of the instant, from the campaign's own events. */
    public ScratchSpace campaign(String campaignId, Instant asOf) {
        return replay(asOf, () -> history.ofAggregate(campaignId), event -> true,
                List.of(CampaignSummaries.COLLECTION),
                space -> List.of(new CampaignSummaryProjection(space.writer())));
    }

    /**
     * The segment and its members as of the instant. Membership depends on every customer, so
     * this reads the whole stream up to the instant; events of other segments are left out,
     * as they cannot change this one.
     */
    public ScratchSpace segment(String segmentId, Instant asOf) {
        return replay(asOf, history::all, event -> !SegmentEvents.ofAnotherSegment(event, segmentId),
                SegmentMembership.READ_MODEL.collections(),
                space -> List.of(new SegmentMembershipProjection(space.writer(), space.database())));
    }

    private ScratchSpace replay(Instant asOf, Supplier<Stream<TrackedEventMessage<?>>> events,
                                Predicate<TrackedEventMessage<?>> relevant, List<ReadModelCollection> collections,
                                Function<ScratchSpace, List<?>> projections) {
        if (asOf.isAfter(clock.instant())) {
            throw new InvalidPageRequest("asOf lies in the future: history is known only up to now");
        }
        ScratchSpace space = spaces.open(collections);
        try (Stream<TrackedEventMessage<?>> stored = events.get()) {
            space.replay(bounded(recordedBy(stored, asOf)).filter(relevant), projections.apply(space));
            return space;
        } catch (RuntimeException failed) {
            space.close();
            throw failed;
        }
    }

    private static Stream<TrackedEventMessage<?>> recordedBy(Stream<TrackedEventMessage<?>> events, Instant asOf) {
        return events.takeWhile(event -> !event.getTimestamp().isAfter(asOf));
    }

    private Stream<TrackedEventMessage<?>> bounded(Stream<TrackedEventMessage<?>> events) {
        AtomicLong read = new AtomicLong();
        return events.peek(event -> {
            if (read.incrementAndGet() > maxEvents) {
                throw new HistoryTooLong(maxEvents);
            }
        });
    }
}
