package io.mms.query.partner;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class StreamHeadTest {

    private final AtomicLong store = new AtomicLong(41);
    private final AtomicInteger reads = new AtomicInteger();
    private final StreamHead head = new StreamHead(() -> {
        reads.incrementAndGet();
        return store.get();
    }, Duration.ofMillis(10));

    @AfterEach
    void stop() {
        head.close();
    }

    @Test
    void aWaitingStreamWakesOnceTheStoreHoldsALaterPosition() throws Exception {
        assertThat(head.awaitBeyond(40, Duration.ofSeconds(5))).isTrue();

        CompletableFuture<Boolean> waiting =
                CompletableFuture.supplyAsync(() -> awaitBeyond(41, Duration.ofSeconds(10)));
        await().atMost(Duration.ofSeconds(5)).until(() -> reads.get() > 3);
        assertThat(waiting).isNotDone();
        store.set(42);

        assertThat(waiting.get(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aWaitEndsUnansweredWhenTheTimeIsUp() throws Exception {
        assertThat(head.awaitBeyond(41, Duration.ofMillis(100))).isFalse();
    }

    @Test
    void theStoreIsNotReadWhileNoStreamWaits() throws Exception {
        assertThat(head.awaitBeyond(40, Duration.ofSeconds(5))).isTrue();
        int afterWaiting = reads.get();

        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(1))
                .until(() -> reads.get() == afterWaiting);
    }

    private boolean awaitBeyond(long position, Duration patience) {
        try {
            return head.awaitBeyond(position, patience);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
