package io.mms.query.history;

import io.mms.events.EventCatalog;
import io.mms.projections.support.InvalidPageRequest;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which events of the history to read; every condition given must hold.
 *
 * @param types       the public event types to read, never empty
 * @param aggregateId only the events of this customer, campaign, ..., or null for all
 * @param from        only events recorded at or after this instant, or null
 * @param to          only events recorded before this instant, or null
 */
public record HistoryFilter(Set<String> types, String aggregateId, Instant from, Instant to) {

    /** Every public type name of the contract. */
    public static final Set<String> ALL_TYPES = EventCatalog.events().stream()
            .map(EventCatalog::typeOf)
            .collect(Collectors.toUnmodifiableSet());

    /** Checks the filter; a filter nothing could ever match is refused rather than answered empty. */
    public HistoryFilter {
        if (types == null || types.isEmpty()) {
            throw new InvalidPageRequest("a history filter names at least one event type");
        }
        types = Set.copyOf(types);
        if (aggregateId != null && aggregateId.isBlank()) {
            throw new InvalidPageRequest("an aggregate id is not blank");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidPageRequest("'to' (" + to + ") must be after 'from' (" + from + ")");
        }
    }

    /** The public types named, or all of them when none are; a name the contract lacks is refused. */
    public static Set<String> publicTypes(Collection<String> requested) {
        if (requested == null || requested.isEmpty()) {
            return ALL_TYPES;
        }
        Set<String> types = new LinkedHashSet<>();
        for (String type : requested) {
            if (!ALL_TYPES.contains(type)) {
                throw new InvalidPageRequest("'" + type + "' is not a public event type");
            }
            types.add(type);
        }
        return types;
    }
}
