package io.mms.query.partner;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mms.events.EventEnvelope;
import io.mms.projections.support.InvalidPageRequest;
import io.mms.query.history.EventEnvelopes;
import io.mms.query.history.EventHistory;
import io.mms.query.history.HistoryFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The event history as one download, NDJSON or CSV, for analysts and data warehouses.
 *
 * <p>Everything that can be refused is checked before the first byte is written. The export then
 * reads a batch of events from the event store, writes and flushes it, and reads the next, so it
 * holds one batch in memory however long the history is, and a client that reads slowly only
 * slows its own export. It is written on the request's own thread rather than handed to an
 * asynchronous task, whose timeout would cut a long export short; how many run at once is bounded
 * ({@link ExportSettings}). The export ends at the history's settled head when it starts, given in
 * the {@value #UP_TO_HEADER} header: asking again with {@code after} set to it continues without a
 * gap. Should reading fail midway, the connection is dropped rather than the body ended, so a
 * client cannot take a broken export for a complete one.
 */
@RestController
class EventExport {

    static final String UP_TO_HEADER = "MMS-Up-To-Position";

    private final EventHistory history;
    private final SubscriptionRequests requests;
    private final ExportSettings settings;
    private final ConcurrencyLimit exports;
    private final ObjectMapper json;

    EventExport(EventHistory history, SubscriptionRequests requests, ExportSettings settings, ObjectMapper json) {
        this.history = history;
        this.requests = requests;
        this.settings = settings;
        this.exports = new ConcurrencyLimit("exports", settings.maxExports());
        this.json = json;
    }

    @GetMapping(PartnerApi.EXPORT)
    void export(HttpServletRequest request, HttpServletResponse response,
                @RequestParam(required = false) String format,
                @RequestParam(required = false) List<String> types,
                @RequestParam(required = false) String aggregateId,
                @RequestParam(required = false) String from,
                @RequestParam(required = false) String to,
                @RequestParam(required = false) String after,
                @RequestParam(required = false) String upTo) throws IOException {
        ApiClient client = SubscriptionRequests.requireAnyScope(request, ApiClient.EXPORT);
        SubscriptionRequests.refuseMisnamedStart(request, "since", "from");
        Subscription subscription = requests.subscription(client, types);
        ExportFormat writer = ExportFormat.named(format);
        HistoryFilter filter = filter(subscription, aggregateId, from, to);
        long end = end(upTo, after);
        long start = requests.start(after, null);
        try (ConcurrencyLimit.Place place = exports.take(client, settings.maxPerClient())) {
            response.setContentType(writer.contentType());
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + writer.fileName() + "\"");
            response.setHeader(UP_TO_HEADER, Long.toString(end));
            write(response.getOutputStream(), writer, filter, subscription.personalData(), start, end);
        }
    }

    private void write(OutputStream out, ExportFormat writer, HistoryFilter filter, boolean personalData,
                       long start, long end) {
        try {
            writer.writeStart(out);
            long cursor = start;
            List<EventEnvelope<ObjectNode>> batch;
            do {
                batch = history.read(filter, cursor, end, settings.batchSize());
                for (EventEnvelope<ObjectNode> event : batch) {
                    writer.write(personalData ? event : EventEnvelopes.withoutPersonalData(event), json, out);
                    cursor = event.position();
                }
                out.flush();
            } while (batch.size() == settings.batchSize());
        } catch (IOException clientGone) {
            // The client hung up; there is no one left to tell.
        }
    }

    /** Where the export ends: the position asked for, but never past the settled history. */
    private long end(String upTo, String after) {
        long settled = history.settledHead();
        if (upTo == null || upTo.isBlank()) {
            return settled;
        }
        long asked = SubscriptionRequests.position(upTo);
        boolean fromStart = after == null || after.isBlank();
        long start = fromStart ? StreamPositions.START : SubscriptionRequests.position(after);
        if (asked < start) {
            throw ApiRefusal.invalid("'upTo' (" + asked + ") must not lie before 'after' (" + start + ")");
        }
        return Math.min(asked, settled);
    }

    private static HistoryFilter filter(Subscription subscription, String aggregateId, String from, String to) {
        try {
            return new HistoryFilter(subscription.types(), aggregateId, instant("from", from), instant("to", to));
        } catch (InvalidPageRequest invalid) {
            throw ApiRefusal.invalid(invalid.getMessage());
        }
    }

    private static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException notATime) {
            throw ApiRefusal.invalid("'" + name + "' is an ISO-8601 instant such as 2026-01-31T09:00:00Z, not '"
                    + value + "'");
        }
    }
}
