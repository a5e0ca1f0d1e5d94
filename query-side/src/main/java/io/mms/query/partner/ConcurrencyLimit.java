package io.mms.query.partner;

import java.util.HashMap;
import java.util.Map;

/**
 * Bounds how many long-lived requests of one kind (streams, exports) are served at once: in all,
 * so the server's threads and connections stay bounded, and per client, so one client cannot
 * take every place from the others.
 */
final class ConcurrencyLimit {

    private final String kind;
    private final int total;
    private final Map<String, Integer> byClient = new HashMap<>();
    private int inUse;

    /**
     * @param kind  what is counted, plural, for messages: {@code streams}, {@code exports}
     * @param total how many are served at once in all
     */
    ConcurrencyLimit(String kind, int total) {
        this.kind = kind;
        this.total = total;
    }

    /**
     * Takes a place for the client, which may hold {@code perClient} at once; a client at its own
     * limit is refused with 429, any client while every place is taken with 503.
     */
    synchronized Place take(ApiClient client, int perClient) {
        int held = byClient.getOrDefault(client.name(), 0);
        if (held >= perClient) {
            throw ApiRefusal.tooMany("client '" + client.name() + "' already has " + held + " " + kind
                    + " open, the most one client may have at once; close one or try again later");
        }
        if (inUse >= total) {
            throw ApiRefusal.unavailable("all " + total + " " + kind + " are in use; try again later");
        }
        byClient.put(client.name(), held + 1);
        inUse++;
        return new Place(client.name());
    }

    /** How many places are taken now, in all. */
    synchronized int inUse() {
        return inUse;
    }

    private synchronized void release(String client) {
        byClient.computeIfPresent(client, (name, held) -> held > 1 ? held - 1 : null);
        inUse--;
    }

    /** One taken place; closing it gives it back, once. */
    final class Place implements AutoCloseable {

        private final String client;
        private boolean released;

        private Place(String client) {
            this.client = client;
        }

        @Override
        public void close() {
            synchronized (ConcurrencyLimit.this) {
                if (!released) {
                    released = true;
                    release(client);
                }
            }
        }
    }
}
