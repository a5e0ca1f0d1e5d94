package io.mms.projections.support;

import com.mongodb.client.model.Filters;
import org.bson.conversions.Bson;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * A position in a listing ordered by a time and then by id. Encoded opaquely for clients;
 * stable while documents are added, because it names a place in the order, not an offset.
 */
public record Cursor(Instant time, String id) {

    public String encode() {
        String raw = time.toEpochMilli() + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a cursor that a client sent back; a cursor MMS did not make is refused. */
    public static Cursor decode(String encoded) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = raw.indexOf(':');
            return new Cursor(Instant.ofEpochMilli(Long.parseLong(raw.substring(0, colon))), raw.substring(colon + 1));
        } catch (IllegalArgumentException | IndexOutOfBoundsException malformed) {
            throw new InvalidPageRequest("cursor '" + encoded + "' is not one that MMS returned");
        }
    }

    /** The documents that come after this cursor in the order (timeField ascending, then _id). */
    public Bson after(String timeField) {
        java.util.Date at = java.util.Date.from(time);
        return Filters.or(
                Filters.gt(timeField, at),
                Filters.and(Filters.eq(timeField, at), Filters.gt("_id", id)));
    }

}
