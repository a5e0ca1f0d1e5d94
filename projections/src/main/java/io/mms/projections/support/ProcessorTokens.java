package io.mms.projections.support;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bson.Document;
import org.bson.types.Binary;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Reads how far a read model's processor has come from the token documents that Axon's
 * Mongo token store keeps next to the read model (one per segment: the serialized token and
 * its type). Reading the documents, rather than asking the processor, works in a process
 * that only serves queries as well.
 */
public class ProcessorTokens {

    private final MongoCollection<Document> tokens;
    private final Serializer serializer;

    /**
     * @param serializer the serializer the token store writes with (Axon's general one)
     */
    public ProcessorTokens(MongoTemplate template, Serializer serializer) {
        this.tokens = template.trackingTokensCollection();
        this.serializer = serializer;
    }

    /** The progress of the processor as its stored tokens tell it. */
    public ReadModelProgress progressOf(String processor) {
        List<TrackingToken> segments = new ArrayList<>();
        for (Document stored : tokens.find(Filters.eq("processorName", processor))) {
            segments.add(deserialize(stored));
        }
        if (segments.isEmpty()) {
            return ReadModelProgress.NOT_STARTED;
        }
        TrackingToken slowest = slowestOf(segments);
        boolean replaying = segments.stream().anyMatch(ProcessorTokens::replaying);
        return new ReadModelProgress(processedUpTo(slowest), replaying, segments.size(), slowest);
    }

    /**
     * Whether the segment still replays events it had handled before the reset. Axon keeps a
     * replay token until an event beyond the reset arrives; one that has reached the reset
     * position has replayed everything, so it counts as done.
     */
    private static boolean replaying(TrackingToken token) {
        if (token == null || !ReplayToken.isReplay(token)) {
            return false;
        }
        OptionalLong resetAt = ReplayToken.getTokenAtReset(token);
        return resetAt.isEmpty() || processedUpTo(token) < resetAt.getAsLong();
    }

    private static TrackingToken slowestOf(List<TrackingToken> segments) {
        TrackingToken slowest = segments.get(0);
        for (TrackingToken token : segments) {
            if (processedUpTo(token) < processedUpTo(slowest)) {
                slowest = token;
            }
        }
        return slowest;
    }

    /**
     * The position up to which every event has been handled: the token's position, or just
     * below its first gap (events that were not committed yet when the processor passed them
     * and may still arrive). A replay counts from where it has come so far.
     */
    static long processedUpTo(TrackingToken token) {
        TrackingToken current = token == null ? null : WrappedToken.unwrapLowerBound(token);
        if (current == null) {
            return StreamPositions.NONE;
        }
        if (current instanceof GapAwareTrackingToken gapAware && !gapAware.getGaps().isEmpty()) {
            return gapAware.getGaps().first() - 1;
        }
        return current.position().orElse(StreamPositions.NONE);
    }

    private TrackingToken deserialize(Document stored) {
        Binary data = stored.get("token", Binary.class);
        if (data == null) {
            return null;
        }
        return serializer.deserialize(
                new SimpleSerializedObject<>(data.getData(), byte[].class, stored.getString("tokenType"), null));
    }
}
