package io.mms.query.partner;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ConcurrencyLimitTest {

    private final ConcurrencyLimit limit = new ConcurrencyLimit("streams", 3);
    private final ApiClient webshop = client("webshop");
    private final ApiClient crm = client("crm");

    @Test
    void aClientAtItsOwnLimitIsToldSoWith429WhileOthersStillGetPlaces() {
        limit.take(webshop, 2);
        limit.take(webshop, 2);

        ApiRefusal refused = catchThrowableOfType(ApiRefusal.class, () -> limit.take(webshop, 2));

        assertThat(refused.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(refused.body().code()).isEqualTo("TOO_MANY_REQUESTS");
        assertThat(refused.getMessage()).contains("webshop");
        assertThat(limit.take(crm, 2)).isNotNull();
    }

    @Test
    void whenEveryPlaceIsTakenAnyClientGets503() {
        limit.take(webshop, 3);
        limit.take(webshop, 3);
        limit.take(crm, 3);

        ApiRefusal refused = catchThrowableOfType(ApiRefusal.class, () -> limit.take(crm, 3));

        assertThat(refused.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
    }

    @Test
    void aPlaceGivenBackIsFreeAgainAndOnlyOnce() {
        ConcurrencyLimit.Place place = limit.take(webshop, 1);

        place.close();
        place.close();

        assertThat(limit.inUse()).isZero();
        limit.take(webshop, 1);
        assertThat(limit.inUse()).isOne();
    }

    private static ApiClient client(String name) {
        return new ApiClient(name, Set.of(ApiClient.READ), Set.of(ApiClient.ALL_TYPES), null);
    }
}
