package io.mms.events.delivery;

/** What a provider reported about a sent message. */
public enum EngagementKind {
    DELIVERED,
    BOUNCED,
    OPENED,
    CLICKED,
    CONVERTED,
    UNSUBSCRIBED
}
