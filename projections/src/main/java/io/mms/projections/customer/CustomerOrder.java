package io.mms.projections.customer;

/** The orders a customer listing can be in; each ends with the customer id to break ties. */
public enum CustomerOrder {
    /** By registration time: a key that never changes. */
    REGISTERED_AT,
    /** By the latest moment the customer did something: a key that only grows. */
    LAST_ACTIVITY_AT,
    /** By engagement score (its stored weight, see {@link EngagementScore}): a key that only grows. */
    SCORE
}
