package io.mms.projections.support;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Writes that are safe to repeat. Each document stores the position of the last event it
 * reflects, and a write only applies to a document that is older than its event: a
 * redelivered or replayed event changes nothing.
 */
public final class DocumentWrites {

    /** The field that holds the event-stream position a document reflects. */
    public static final String POSITION = "position";

    private DocumentWrites() {
    }

    /** Creates the document with the given id, unless it exists already. */
    public static WriteModel<Document> create(String id, long position, Document fields) {
        Document created = new Document(fields).append(POSITION, position);
        return new UpdateOneModel<>(
                Filters.eq("_id", id),
                Updates.setOnInsert(created),
                new UpdateOptions().upsert(true));
    }

    /** Applies the update to the document with the given id if it reflects an earlier position. */
    public static WriteModel<Document> change(String id, long position, Bson update) {
        return new UpdateOneModel<>(
                Filters.and(Filters.eq("_id", id), Filters.lt(POSITION, position)),
                Updates.combine(update, Updates.set(POSITION, position)));
    }

    /**
     * The position of an event in the stream, which documents store to ignore older events: its
     * own, as {@link OwnPositionInterceptor} looked it up for the batch being processed, else the
     * position its token names (exact for history read after the fact and for Axon Server).
     */
    public static long positionOf(TrackingToken token) {
        return OwnPositionInterceptor.current().orElseGet(() -> token.position()
                .orElseThrow(() -> new IllegalStateException("event has no position: " + token)));
    }
}
