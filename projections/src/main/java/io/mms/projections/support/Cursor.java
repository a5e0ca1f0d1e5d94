package io.mms.projections.support;

import org.bson.Document;
import org.bson.conversions.Bson;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;

/**
 * A place in a listing: the order it belongs to, the sort key of a document there and its id.
 * Encoded opaquely for clients; it names a place in the order, not an offset, so it stays
 * valid while documents are added, changed or removed.
 *
 * <p>The key is an {@link Instant}, a {@link Double} or a {@link Long}. Cursors made before
 * orders were named (a time and an id) are still accepted by ascending orders.
 *
 * @param order the order's tag, null for a cursor made before orders were named
 */
public record Cursor(String order, Object key, String id) {

    private static final char ORDER_END = '~';

    /** The cursor of a document in a listing of the given order. */
    public static Cursor of(Document document, SortOrder order) {
        Object value = document.getEmbedded(Arrays.asList(order.field().split("\\.")), Object.class);
        return new Cursor(order.tag(), keyOf(value), document.getString("_id"));
    }

    public String encode() {
        String raw = order + ORDER_END + encodeKey() + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a cursor that a client sent back; a cursor MMS did not make is refused. */
    public static Cursor decode(String encoded) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
            int orderEnd = raw.indexOf(ORDER_END);
            String order = orderEnd < 0 ? null : raw.substring(0, orderEnd);
            int colon = raw.indexOf(':', orderEnd + 1);
            return new Cursor(order, decodeKey(raw.substring(orderEnd + 1, colon)), raw.substring(colon + 1));
        } catch (IllegalArgumentException | IndexOutOfBoundsException malformed) {
            throw notMadeByMms(encoded);
        }
    }

    /** The documents that come after this cursor in the given order. */
    public Bson after(SortOrder sortOrder) {
        boolean legacy = order == null && !sortOrder.descending() && key instanceof Instant;
        if (!legacy && !sortOrder.tag().equals(order)) {
            throw new InvalidPageRequest("the cursor was made for another order of this listing; "
                    + "start again without 'after'");
        }
        return sortOrder.after(key instanceof Instant time ? Date.from(time) : key, id);
    }

    private String encodeKey() {
        if (key instanceof Instant time) {
            return Long.toString(time.toEpochMilli());
        }
        if (key instanceof Double number) {
            return "n" + number;
        }
        return "p" + key;
    }

    private static Object decodeKey(String raw) {
        if (raw.startsWith("n")) {
            return Double.valueOf(raw.substring(1));
        }
        if (raw.startsWith("p")) {
            return Long.valueOf(raw.substring(1));
        }
        return Instant.ofEpochMilli(Long.parseLong(raw));
    }

    private static Object keyOf(Object value) {
        if (value instanceof Date date) {
            return date.toInstant();
        }
        if (value instanceof Double number) {
            return number;
        }
        if (value instanceof Number number) {
            return number.longValue();
        }
        throw new IllegalStateException("a listing can only be ordered by a time or a number, not " + value);
    }

    private static InvalidPageRequest notMadeByMms(String encoded) {
        return new InvalidPageRequest("cursor '" + encoded + "' is not one that MMS returned");
    }
}
