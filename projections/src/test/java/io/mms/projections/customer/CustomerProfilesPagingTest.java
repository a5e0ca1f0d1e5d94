package io.mms.projections.customer;

import io.mms.events.customer.CustomerRegistered;
import io.mms.projections.EmbeddedMongo;
import io.mms.projections.support.InvalidPageRequest;
import io.mms.projections.support.Page;
import io.mms.projections.support.ProjectionWriter;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CustomerProfilesPagingTest {

    private static final Instant T = Instant.parse("2026-03-01T09:30:00Z");

    /**
     * In registration order. Ids are not in that order, and cu-a and cu-b registered in the
     * same millisecond on either side of the first page's end, where only the id breaks the tie.
     */
    private static final List<CustomerRegistered> IN_REGISTRATION_ORDER = List.of(
            registered("cu-e", T),
            registered("cu-a", T.plusSeconds(1)),
            registered("cu-b", T.plusSeconds(1)),
            registered("cu-d", T.plusSeconds(2)),
            registered("cu-c", T.plusSeconds(3)));

    private EmbeddedMongo mongo;
    private CustomerProfiles profiles;

    @BeforeEach
    void registerFiveCustomersNewestFirst() {
        mongo = new EmbeddedMongo();
        var database = mongo.readModelDatabase();
        var projection = new CustomerProfileProjection(new ProjectionWriter(database));
        profiles = new CustomerProfiles(database);

        List<CustomerRegistered> newestFirst = new ArrayList<>(IN_REGISTRATION_ORDER);
        Collections.reverse(newestFirst);
        long position = 1;
        for (CustomerRegistered event : newestFirst) {
            projection.on(event, new GlobalSequenceTrackingToken(position++));
        }
    }

    @AfterEach
    void stopMongo() {
        mongo.close();
    }

    @Test
    void pagesOfTwoListEveryCustomerOnceInRegistrationOrder() {
        Page<CustomerProfile> first = profiles.page(2, null);
        Page<CustomerProfile> second = profiles.page(2, lastCursorOf(first));
        Page<CustomerProfile> third = profiles.page(2, lastCursorOf(second));

        assertThat(idsOf(first)).containsExactly("cu-e", "cu-a");
        assertThat(idsOf(second)).containsExactly("cu-b", "cu-d");
        assertThat(idsOf(third)).containsExactly("cu-c");
        assertThat(List.of(first.hasNextPage(), second.hasNextPage(), third.hasNextPage()))
                .containsExactly(true, true, false);
    }

    @Test
    void pageThatEndsExactlyAtTheLastCustomerHasNoNextPage() {
        assertThat(profiles.page(4, null).hasNextPage()).isTrue();
        assertThat(profiles.page(5, null).hasNextPage()).isFalse();
    }

    @Test
    void largestPageSizeIsServed() {
        assertThat(idsOf(profiles.page(100, null))).hasSize(5);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 101})
    void pageSizeOutsideOneToHundredIsRefused(int first) {
        assertThatThrownBy(() -> profiles.page(first, null))
                .isInstanceOf(InvalidPageRequest.class)
                .hasMessageContaining("first must be between 1 and 100");
    }

    /** Not base64; base64 of text without a colon; base64 of "abc:def", whose time is no number. */
    @ParameterizedTest
    @ValueSource(strings = {"%%%", "", "bm8tY29sb24", "YWJjOmRlZg"})
    void cursorThatMmsDidNotMakeIsRefused(String cursor) {
        assertThatThrownBy(() -> profiles.page(2, cursor))
                .isInstanceOf(InvalidPageRequest.class)
                .hasMessageContaining("is not one that MMS returned");
    }

    private static CustomerRegistered registered(String id, Instant at) {
        return new CustomerRegistered(id, id + "@example.com", "Customer " + id, at);
    }

    private static String lastCursorOf(Page<?> page) {
        return page.items().get(page.items().size() - 1).cursor();
    }

    private static List<String> idsOf(Page<CustomerProfile> page) {
        return page.items().stream().map(item -> item.node().id()).toList();
    }
}
