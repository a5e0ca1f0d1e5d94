package io.mms.query.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mms.events.EventEnvelope;
import io.mms.projections.support.InvalidPageRequest;
import io.mms.projections.support.Page;
import io.mms.query.web.Connection;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Browsing the event history in GraphQL. The frontend's users are not API clients with a
 * {@code personal-data} scope, and the history keeps every value a customer ever had (old
 * addresses included), so personal data is always left out here and only named; the read
 * models show a customer's current details.
 */
@Controller
class EventHistoryQueries {

    static final int MAX_PAGE = 100;

    private final EventHistory history;
    private final ObjectMapper json;

    EventHistoryQueries(EventHistory history, ObjectMapper json) {
        this.history = history;
        this.json = json;
    }

    @QueryMapping
    Connection<HistoricEvent> events(@Argument EventFilterInput filter, @Argument int first,
                                     @Argument String after) {
        if (first < 1 || first > MAX_PAGE) {
            throw new InvalidPageRequest("'first' lies between 1 and " + MAX_PAGE + ", not " + first);
        }
        HistoryFilter where = (filter == null ? EventFilterInput.NONE : filter).toFilter();
        long upTo = history.settledHead();
        List<EventEnvelope<ObjectNode>> events = history.read(where, position(after, upTo), upTo, first + 1);
        List<Page.Item<HistoricEvent>> items = events.stream().limit(first)
                .map(event -> new Page.Item<>(historic(event), Long.toString(event.position())))
                .toList();
        return Connection.of(new Page<>(items, events.size() > first));
    }

    private HistoricEvent historic(EventEnvelope<ObjectNode> envelope) {
        EventEnvelope<ObjectNode> shown = EventEnvelopes.withoutPersonalData(envelope);
        @SuppressWarnings("unchecked")
        Map<String, Object> payload = json.convertValue(shown.payload(), Map.class);
        return new HistoricEvent(shown.position(), shown.type(), shown.revision(), shown.aggregateId(),
                shown.sequence(), shown.time(), shown.correlationId(), shown.causationId(), payload,
                EventEnvelopes.personalDataIn(envelope));
    }

    /**
     * A cursor is the position of the event it points at: none lies before the first event, and
     * none past the end of the history, which only grows.
     */
    private static long position(String cursor, long end) {
        if (cursor == null) {
            return -1;
        }
        try {
            long position = Long.parseLong(cursor);
            if (position >= -1 && position <= end) {
                return position;
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw new InvalidPageRequest("'" + cursor + "' is not a cursor of the event history");
    }

    /** One event as the history shows it. */
    record HistoricEvent(long position, String type, int revision, String aggregateId, long sequence,
                         Instant time, String correlationId, String causationId, Map<String, Object> payload,
                         List<String> personalDataOmitted) {
    }

    record EventFilterInput(List<String> types, String aggregateId, Instant from, Instant to) {

        static final EventFilterInput NONE = new EventFilterInput(null, null, null, null);

        HistoryFilter toFilter() {
            return new HistoryFilter(HistoryFilter.publicTypes(types), aggregateId, from, to);
        }
    }
}
