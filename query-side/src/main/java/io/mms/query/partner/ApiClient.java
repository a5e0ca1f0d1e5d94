package io.mms.query.partner;

import java.util.Set;

/**
 * A client that presented a valid key, with what it was granted.
 *
 * @param name       its name in the configuration
 * @param scopes     its scopes
 * @param eventTypes the event types it may read; {@code *} stands for all
 * @param maxStreams how many streams it may hold open at once, or null for the common limit
 */
record ApiClient(String name, Set<String> scopes, Set<String> eventTypes, Integer maxStreams) {

    static final String READ = "events:read";
    static final String EXPORT = "events:export";
    static final String PERSONAL_DATA = "personal-data";
    static final String ALL_TYPES = "*";

    boolean has(String scope) {
        return scopes.contains(scope);
    }

    int maxStreamsOr(int commonLimit) {
        return maxStreams == null ? commonLimit : maxStreams;
    }

    boolean mayRead(String eventType) {
        return eventTypes.contains(ALL_TYPES) || eventTypes.contains(eventType);
    }
}
