package io.mms.query.partner;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mms.events.EventEnvelope;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.List;

/**
 * The paged JSON pull of the event stream, for batch consumers: each answer holds the events
 * after a position and the position to ask from next. An empty page means the consumer has
 * caught up for now.
 */
@RestController
class EventPages {

    private final EventStreamReader reader;
    private final SubscriptionRequests requests;
    private final StreamSettings settings;

    EventPages(EventStreamReader reader, SubscriptionRequests requests, StreamSettings settings) {
        this.reader = reader;
        this.requests = requests;
        this.settings = settings;
    }

    @GetMapping(PartnerApi.EVENTS)
    Page page(HttpServletRequest request,
              @RequestParam(required = false) String after,
              @RequestParam(required = false) String since,
              @RequestParam(required = false) List<String> types,
              @RequestParam(required = false) String limit) {
        ApiClient client = SubscriptionRequests.requireAnyScope(request, ApiClient.READ, ApiClient.EXPORT);
        SubscriptionRequests.refuseMisnamedStart(request, "from", "since");
        Subscription subscription = requests.subscription(client, types);
        long start = requests.start(after, since);
        EventPage page = reader.read(start, subscription, limit(limit), Duration.ZERO);
        return new Page(page.events(), page.next());
    }

    /** Read as text, so that a limit that is not a number is refused with a code like any other. */
    private int limit(String requested) {
        if (requested == null || requested.isBlank()) {
            return settings.pageSize();
        }
        int limit = whole(requested);
        if (limit < 1 || limit > settings.maxPageSize()) {
            throw ApiRefusal.invalid("'limit' lies between 1 and " + settings.maxPageSize());
        }
        return limit;
    }

    private int whole(String requested) {
        try {
            return Integer.parseInt(requested.trim());
        } catch (NumberFormatException notANumber) {
            throw ApiRefusal.invalid("'limit' is a whole number between 1 and " + settings.maxPageSize()
                    + ", not '" + requested + "'");
        }
    }

    /**
     * One page of the stream.
     *
     * @param events the events, in stream order
     * @param next   the position to pass as {@code after} for the next page
     */
    record Page(List<EventEnvelope<ObjectNode>> events, long next) {
    }
}
