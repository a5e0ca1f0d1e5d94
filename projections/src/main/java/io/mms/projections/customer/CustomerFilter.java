package io.mms.projections.customer;

import io.mms.events.campaign.Channel;
import io.mms.events.customer.LifecycleStage;

import java.time.Instant;

/**
 * Which customers a listing shows; every condition given must hold, a null one is not checked.
 *
 * @param tag              customers with this tag (compared lower-case)
 * @param stage            customers in this lifecycle stage
 * @param consentChannel   customers whose consent for this channel and {@code consentPurpose} is in force
 * @param consentPurpose   the purpose consent is checked for; {@code marketing} when not given
 * @param registeredFrom   customers registered at or after this instant
 * @param registeredBefore customers registered before this instant
 * @param emailPrefix      customers whose email starts with this, regardless of case
 * @param namePrefix       customers whose name starts with this, regardless of case
 */
public record CustomerFilter(String tag, LifecycleStage stage, Channel consentChannel, String consentPurpose,
                             Instant registeredFrom, Instant registeredBefore,
                             String emailPrefix, String namePrefix) {

    /** Every customer. */
    public static final CustomerFilter NONE = new CustomerFilter(null, null, null, null, null, null, null, null);
}
