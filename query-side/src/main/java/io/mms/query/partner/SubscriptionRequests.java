package io.mms.query.partner;

import io.mms.events.EventCatalog;
import jakarta.servlet.http.HttpServletRequest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns what a partner asked for into what it gets: checks its scopes and event types, and
 * where its stream starts.
 */
class SubscriptionRequests {

    private static final Set<String> ALL_TYPES = EventCatalog.events().stream()
            .map(EventCatalog::typeOf)
            .collect(Collectors.toUnmodifiableSet());

    private final StreamPositions positions;

    SubscriptionRequests(StreamPositions positions) {
        this.positions = positions;
    }

    static ApiClient client(HttpServletRequest request) {
        return (ApiClient) request.getAttribute(ApiKeyFilter.CLIENT);
    }

    /** The client, if it holds one of the scopes. */
    static ApiClient requireAnyScope(HttpServletRequest request, String... scopes) {
        ApiClient client = client(request);
        for (String scope : scopes) {
            if (client.has(scope)) {
                return client;
            }
        }
        throw ApiRefusal.forbidden("client '" + client.name() + "' lacks the scope "
                + String.join(" or ", scopes));
    }

    /**
     * Refuses a start time under the other endpoints' name: ignored, it would silently read from
     * the beginning. The stream and the pull start at {@code since}, exports at {@code from}.
     */
    static void refuseMisnamedStart(HttpServletRequest request, String misnamed, String meant) {
        if (request.getParameter(misnamed) != null) {
            throw ApiRefusal.invalid("this endpoint starts at a time given as '" + meant + "', not '"
                    + misnamed + "'");
        }
    }

    /**
     * The types asked for, all that the client may read when none are named. Naming a type the
     * contract does not have is invalid; naming one the client was not granted is forbidden.
     */
    Subscription subscription(ApiClient client, List<String> requested) {
        Set<String> types = requested == null || requested.isEmpty()
                ? granted(client, ALL_TYPES)
                : checked(client, split(requested));
        return new Subscription(types, client.has(ApiClient.PERSONAL_DATA));
    }

    /**
     * Where reading starts: after a position if one is given, else at a time, else at the
     * beginning. A position beyond the newest event was never handed out by this event store (a
     * partner pointed at another installation, or at one restored from an older backup); waiting
     * for it in silence would hide that, so it is refused.
     */
    long start(String after, String since) {
        if (after != null && !after.isBlank()) {
            long position = position(after);
            long newest = positions.latest();
            if (position > newest) {
                throw ApiRefusal.invalid("position " + position + " lies beyond the newest event (" + newest
                        + "): this event store never held it");
            }
            return position;
        }
        if (since != null && !since.isBlank()) {
            return positions.positionBefore(instant(since));
        }
        return StreamPositions.START;
    }

    private static Set<String> granted(ApiClient client, Collection<String> types) {
        return types.stream().filter(client::mayRead).collect(Collectors.toUnmodifiableSet());
    }

    private static Set<String> checked(ApiClient client, Set<String> types) {
        for (String type : types) {
            if (!ALL_TYPES.contains(type)) {
                throw ApiRefusal.invalid("'" + type + "' is not a public event type");
            }
            if (!client.mayRead(type)) {
                throw ApiRefusal.forbidden("client '" + client.name() + "' may not read " + type + " events");
            }
        }
        return types;
    }

    private static Set<String> split(List<String> requested) {
        Set<String> types = new LinkedHashSet<>();
        for (String value : requested) {
            for (String type : value.split(",")) {
                if (!type.isBlank()) {
                    types.add(type.trim());
                }
            }
        }
        return types;
    }

    /** A position as a partner writes it: a whole number, -1 for before the first event. */
    static long position(String value) {
        try {
            long position = Long.parseLong(value.trim());
            if (position < StreamPositions.START) {
                throw ApiRefusal.invalid("a position is -1 or more, not " + value);
            }
            return position;
        } catch (NumberFormatException notANumber) {
            throw ApiRefusal.invalid("a position is a whole number, not '" + value + "'");
        }
    }

    private static Instant instant(String value) {
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException notATime) {
            throw ApiRefusal.invalid("'since' is an ISO-8601 instant such as 2026-01-31T09:00:00Z, not '"
                    + value + "'");
        }
    }
}
