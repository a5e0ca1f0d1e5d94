package io.mms.query.partner;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

/**
 * The event stream as Server-Sent Events. Each event's SSE id is its position, so a client that
 * reconnects with {@code Last-Event-ID} continues right after the last event it received.
 *
 * <p>Each stream is served by one thread of a bounded pool ({@link StreamSettings#maxStreams()}),
 * which reads a page, writes it, flushes, and reads the next. Writes block while the client
 * does not read, so a slow client only slows its own stream and never holds more than one page;
 * a client that stops reading altogether is cut off when a write times out. When the pool is
 * full a new stream is refused with 503 rather than queued.
 */
@RestController
class EventStream {

    private final EventStreamReader reader;
    private final SubscriptionRequests requests;
    private final StreamSettings settings;
    private final ExecutorService streams;

    EventStream(EventStreamReader reader, SubscriptionRequests requests, StreamSettings settings,
                ExecutorService partnerStreams) {
        this.reader = reader;
        this.requests = requests;
        this.settings = settings;
        this.streams = partnerStreams;
    }

    @GetMapping(PartnerApi.STREAM)
    SseEmitter stream(HttpServletRequest request,
                      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
                      @RequestParam(required = false) String after,
                      @RequestParam(required = false) String since,
                      @RequestParam(required = false) List<String> types) {
        ApiClient client = SubscriptionRequests.requireAnyScope(request, ApiClient.READ);
        Subscription subscription = requests.subscription(client, types);
        long start = requests.start(lastEventId != null ? lastEventId : after, since);
        SseEmitter emitter = new SseEmitter(0L);
        try {
            streams.execute(() -> serve(emitter, subscription, start));
        } catch (RejectedExecutionException full) {
            throw ApiRefusal.unavailable("all " + settings.maxStreams() + " streams are in use; try again later");
        }
        return emitter;
    }

    private void serve(SseEmitter emitter, Subscription subscription, long start) {
        try {
            emitter.send(SseEmitter.event().comment("stream after position " + start));
            long cursor = start;
            while (!Thread.currentThread().isInterrupted()) {
                cursor = sendPage(emitter, subscription, cursor);
            }
            emitter.complete();
        } catch (IOException | IllegalStateException clientGone) {
            // The client disconnected or the response was completed; the container cleans up.
        }
    }

    private long sendPage(SseEmitter emitter, Subscription subscription, long cursor) throws IOException {
        EventPage page = reader.read(cursor, subscription, settings.pageSize(), settings.heartbeat());
        for (var event : page.events()) {
            emitter.send(SseEmitter.event()
                    .id(Long.toString(event.position()))
                    .name(event.type())
                    .data(event, MediaType.APPLICATION_JSON));
        }
        if (page.events().isEmpty() && !page.waiting()) {
            emitter.send(SseEmitter.event().comment("heartbeat"));
        }
        if (page.waiting() && page.events().isEmpty()) {
            pauseForGap();
        }
        return page.next();
    }

    /** An earlier position's transaction is still open; it commits or expires within moments. */
    private static void pauseForGap() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }
}
