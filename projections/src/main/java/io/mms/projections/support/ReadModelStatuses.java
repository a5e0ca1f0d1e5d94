package io.mms.projections.support;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Reports how current each read model is: its position from its tokens, the head of the
 * event store, its dead letters and, where its processor runs in this process, whether the
 * processor is failing.
 */
public class ReadModelStatuses {

    private final List<ReadModel> readModels;
    private final ProcessorTokens tokens;
    private final DeadLetters deadLetters;
    private final EventStore eventStore;
    private final EventProcessingConfiguration processing;
    private final Clock clock;

    public ReadModelStatuses(List<ReadModel> readModels, ProcessorTokens tokens, DeadLetters deadLetters,
                             EventStore eventStore, EventProcessingConfiguration processing, Clock clock) {
        this.readModels = readModels;
        this.tokens = tokens;
        this.deadLetters = deadLetters;
        this.eventStore = eventStore;
        this.processing = processing;
        this.clock = clock;
    }

    public List<ReadModelStatus> all() {
        long head = StreamPositions.head(eventStore);
        return readModels.stream().map(readModel -> statusOf(readModel.processor(), head)).toList();
    }

    private ReadModelStatus statusOf(String name, long head) {
        ReadModelProgress progress = tokens.progressOf(name);
        Optional<StreamingEventProcessor> processor = processor(name);
        boolean behind = progress.position() < head;
        return new ReadModelStatus(name, progress.position(), head,
                Math.max(0, head - progress.position()),
                behind ? waitingSince(progress.slowest()) : Duration.ZERO,
                state(progress, processor, behind),
                deadLetters.count(name),
                processor.isPresent());
    }

    private static ReadModelState state(ReadModelProgress progress, Optional<StreamingEventProcessor> processor,
                                        boolean behind) {
        if (processor.map(ReadModelStatuses::failing).orElse(false)) {
            return ReadModelState.ERROR;
        }
        if (!progress.started()) {
            return ReadModelState.NOT_STARTED;
        }
        if (progress.replaying()) {
            return ReadModelState.REPLAYING;
        }
        return behind ? ReadModelState.BEHIND : ReadModelState.CAUGHT_UP;
    }

    private static boolean failing(StreamingEventProcessor processor) {
        return processor.isError()
                || processor.processingStatus().values().stream().anyMatch(EventTrackerStatus::isErrorState);
    }

    /** How long the first event after the slowest segment's token has been in the store. */
    private Duration waitingSince(TrackingToken slowest) {
        TrackingToken from = slowest == null ? null : WrappedToken.unwrapLowerBound(slowest);
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(from)) {
            if (!stream.hasNextAvailable(100, TimeUnit.MILLISECONDS)) {
                return Duration.ZERO;
            }
            Duration waiting = Duration.between(stream.nextAvailable().getTimestamp(), clock.instant());
            return waiting.isNegative() ? Duration.ZERO : waiting;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Duration.ZERO;
        }
    }

    /** The read model's processor, if it runs in this process. */
    public Optional<StreamingEventProcessor> processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class);
    }
}
