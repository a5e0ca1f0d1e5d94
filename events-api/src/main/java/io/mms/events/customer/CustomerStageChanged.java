package io.mms.events.customer;

import io.mms.events.PublicEvent;

import java.time.Instant;

/** A customer moved from one lifecycle stage to another. */
@PublicEvent(type = "CustomerStageChanged", revision = 1)
public record CustomerStageChanged(
        String customerId,
        LifecycleStage from,
        LifecycleStage to,
        Instant changedAt) {
}
