package io.mms.projections.customer;

import io.mms.events.customer.CustomerRegistered;
import io.mms.events.delivery.EngagementKind;
import io.mms.events.delivery.MessageEngaged;
import io.mms.projections.EmbeddedMongo;
import io.mms.projections.support.Page;
import io.mms.projections.support.ProjectionWriter;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import static io.mms.projections.customer.CustomerHistories.engaged;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a client sees when it pages through customers while their scores change: the guarantee
 * described on {@link CustomerProfiles}. Customer cu-i starts with i opens, so by score the
 * order is cu-9 first, cu-0 last.
 */
class CustomerPagingWhileChangingTest {

    private static final Instant T = Instant.parse("2026-03-01T09:30:00Z");
    private static final List<String> EVERYONE = IntStream.range(0, 10).mapToObj(i -> "cu-" + i).toList();

    private EmbeddedMongo mongo;
    private CustomerProfileProjection projection;
    private CustomerProfiles profiles;
    private long position;

    @BeforeEach
    void registerTenCustomersWithRisingScores() {
        mongo = new EmbeddedMongo();
        var database = mongo.readModelDatabase();
        projection = new CustomerProfileProjection(new ProjectionWriter(database));
        profiles = new CustomerProfiles(database);
        for (int i = 0; i < 10; i++) {
            projection.on(new CustomerRegistered("cu-" + i, "cu" + i + "@example.com", "Customer " + i,
                    T.plusSeconds(i)), next());
            opens("cu-" + i, i);
        }
    }

    @AfterEach
    void stopMongo() {
        mongo.close();
    }

    @Test
    void byRegistrationEveryCustomerAppearsExactlyOnceWhateverChanges() {
        List<String> seen = new ArrayList<>();
        String after = null;
        boolean more = true;
        while (more) {
            Page<CustomerProfile> page =
                    profiles.page(CustomerFilter.NONE, CustomerOrder.REGISTERED_AT, true, 3, after);
            seen.addAll(ids(page));
            opens("cu-0", 50);
            opens("cu-" + seen.size(), 20);
            after = lastCursor(page);
            more = page.hasNextPage();
        }

        List<String> newestFirst = new ArrayList<>(EVERYONE);
        Collections.reverse(newestFirst);
        assertThat(seen).containsExactlyElementsOf(newestFirst);
    }

    @Test
    void highestScoreFirstNeverRepeatsACustomerAndSkipsOnlyThoseThatJumpedAboveTheCursor() {
        Page<CustomerProfile> first = byScoreDescending(null);
        assertThat(ids(first)).containsExactly("cu-9", "cu-8", "cu-7");

        opens("cu-8", 20);
        opens("cu-2", 20);
        opens("cu-4", 1);
        List<String> seen = new ArrayList<>(ids(first));
        seen.addAll(walk(lastCursor(first), true));

        assertThat(seen).as("cu-8 (already seen) moved up and is not repeated; cu-4 rose below the cursor")
                .containsExactly("cu-9", "cu-8", "cu-7", "cu-6", "cu-5", "cu-4", "cu-3", "cu-1", "cu-0");
        assertThat(ids(byScoreDescending(null))).as("cu-2 jumped above the cursor: a fresh first page shows it")
                .containsExactly("cu-8", "cu-2", "cu-9");
    }

    @Test
    void lowestScoreFirstNeverMissesACustomerAndShowsOneThatMovedPastTheCursorAgain() {
        Page<CustomerProfile> first = profiles.page(CustomerFilter.NONE, CustomerOrder.SCORE, false, 3, null);
        assertThat(ids(first)).containsExactly("cu-0", "cu-1", "cu-2");

        opens("cu-1", 20);
        opens("cu-5", 2);
        List<String> seen = new ArrayList<>(ids(first));
        seen.addAll(walk(lastCursor(first), false));

        assertThat(seen).as("cu-1 moved past the cursor and appears again, at its new place; cu-5 rose once")
                .containsExactly("cu-0", "cu-1", "cu-2", "cu-3", "cu-4", "cu-6", "cu-5", "cu-7", "cu-8", "cu-9",
                        "cu-1");
        assertThat(seen).containsAll(EVERYONE);
    }

    private List<String> walk(String after, boolean descending) {
        List<String> seen = new ArrayList<>();
        boolean more = true;
        while (more) {
            Page<CustomerProfile> page =
                    profiles.page(CustomerFilter.NONE, CustomerOrder.SCORE, descending, 3, after);
            seen.addAll(ids(page));
            after = lastCursor(page);
            more = page.hasNextPage();
        }
        return seen;
    }

    private Page<CustomerProfile> byScoreDescending(String after) {
        return profiles.page(CustomerFilter.NONE, CustomerOrder.SCORE, true, 3, after);
    }

    private void opens(String customerId, int count) {
        for (int i = 0; i < count; i++) {
            MessageEngaged open = engaged(customerId, EngagementKind.OPENED, T);
            projection.on(open, next());
        }
    }

    private GlobalSequenceTrackingToken next() {
        return new GlobalSequenceTrackingToken(++position);
    }

    private static List<String> ids(Page<CustomerProfile> page) {
        return page.items().stream().map(item -> item.node().id()).toList();
    }

    private static String lastCursor(Page<?> page) {
        return page.items().isEmpty() ? null : page.items().get(page.items().size() - 1).cursor();
    }
}
