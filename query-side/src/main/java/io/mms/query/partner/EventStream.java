package io.mms.query.partner;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The event stream as Server-Sent Events. Each event's SSE id is its position, so a client that
 * reconnects with {@code Last-Event-ID} continues right after the last event it received.
 *
 * <p>Each stream is served by one thread of a bounded pool ({@link StreamSettings#maxStreams()}),
 * which reads a page, writes it, flushes, and reads the next. Writes block while the client
 * does not read, so a slow client only slows its own stream and never holds more than one page;
 * no page is read while the previous one waits to be written, and no database connection is held
 * meanwhile. A client that stops reading altogether is cut off when a write has been blocked for
 * the server's connection timeout. A stream that has caught up waits for the shared
 * {@link StreamHead} instead of polling the store itself. A client may hold a limited number of
 * streams (429 beyond); when every thread is taken a new stream is refused with 503 rather than
 * queued.
 */
@RestController
class EventStream {

    private final EventStreamReader reader;
    private final SubscriptionRequests requests;
    private final StreamSettings settings;
    private final ExecutorService streams;
    private final StreamHead head;
    private final ConcurrencyLimit open;

    EventStream(EventStreamReader reader, SubscriptionRequests requests, StreamSettings settings,
                ExecutorService partnerStreams, StreamHead streamHead) {
        this.reader = reader;
        this.requests = requests;
        this.settings = settings;
        this.streams = partnerStreams;
        this.head = streamHead;
        this.open = new ConcurrencyLimit("streams", settings.maxStreams());
    }

    @GetMapping(PartnerApi.STREAM)
    SseEmitter stream(HttpServletRequest request,
                      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
                      @RequestParam(required = false) String after,
                      @RequestParam(required = false) String since,
                      @RequestParam(required = false) List<String> types) {
        ApiClient client = SubscriptionRequests.requireAnyScope(request, ApiClient.READ);
        SubscriptionRequests.refuseMisnamedStart(request, "from", "since");
        Subscription subscription = requests.subscription(client, types);
        long start = requests.start(lastEventId != null ? lastEventId : after, since);
        ConcurrencyLimit.Place place = open.take(client, client.maxStreamsOr(settings.maxPerClient()));
        StartedEmitter emitter = new StartedEmitter();
        try {
            streams.execute(() -> serve(place, emitter, new Cursor(subscription, start)));
        } catch (RejectedExecutionException full) {
            place.close();
            throw ApiRefusal.unavailable("all " + settings.maxStreams() + " streams are in use; try again later");
        }
        return emitter;
    }

    private void serve(ConcurrencyLimit.Place place, StartedEmitter emitter, Cursor cursor) {
        try (place) {
            emitter.awaitStart();
            emitter.send(SseEmitter.event().comment("stream after position " + cursor.position));
            while (!Thread.currentThread().isInterrupted()) {
                sendNext(emitter, cursor);
            }
            emitter.complete();
        } catch (IOException | IllegalStateException clientGone) {
            // The client disconnected, stopped reading or the response was completed; the container cleans up.
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for events or for the heartbeat to be due, then sends what there is. */
    private void sendNext(SseEmitter emitter, Cursor cursor) throws IOException, InterruptedException {
        if (!head.awaitBeyond(cursor.position, cursor.untilHeartbeat(settings.heartbeat()))) {
            emitter.send(SseEmitter.event().comment("heartbeat"));
            cursor.sent();
            return;
        }
        EventPage page = reader.read(cursor.position, cursor.subscription, settings.pageSize(), Duration.ZERO);
        if (page.events().isEmpty() && !page.waiting() && page.next() == cursor.position) {
            // The head promised more than the store gives yet: let the store's stream wait rather than ask again.
            page = reader.read(cursor.position, cursor.subscription, settings.pageSize(),
                    cursor.untilHeartbeat(settings.heartbeat()));
        }
        for (var event : page.events()) {
            emitter.send(SseEmitter.event()
                    .id(Long.toString(event.position()))
                    .name(event.type())
                    .data(event, MediaType.APPLICATION_JSON));
        }
        if (!page.events().isEmpty()) {
            cursor.sent();
        }
        if (page.waiting() && page.events().isEmpty()) {
            pauseForGap();
        }
        cursor.position = page.next();
    }

    /** An earlier position's transaction is still open; it commits or expires within moments. */
    private static void pauseForGap() throws InterruptedException {
        Thread.sleep(50);
    }

    /** Where one stream stands: what it reads, the position it has read up to, when it last sent. */
    private static final class Cursor {

        private final Subscription subscription;
        private long position;
        private long lastSentNanos = System.nanoTime();

        Cursor(Subscription subscription, long position) {
            this.subscription = subscription;
            this.position = position;
        }

        void sent() {
            lastSentNanos = System.nanoTime();
        }

        Duration untilHeartbeat(Duration heartbeat) {
            return heartbeat.minusNanos(System.nanoTime() - lastSentNanos);
        }
    }

    /**
     * An emitter whose serving thread waits until Spring MVC has taken the response over, so that
     * nothing is sent into the emitter's own unbounded buffer for early sends.
     */
    private static final class StartedEmitter extends SseEmitter {

        private final CountDownLatch started = new CountDownLatch(1);

        StartedEmitter() {
            super(0L);
        }

        @Override
        protected void extendResponse(ServerHttpResponse outputMessage) {
            super.extendResponse(outputMessage);
            started.countDown();
        }

        void awaitStart() throws InterruptedException {
            if (!started.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the response was never taken over");
            }
        }
    }
}
