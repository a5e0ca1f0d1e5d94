package io.mms.projections.timeline;

/** What kind of fact a timeline entry records. */
public enum TimelineEntryKind {
    REGISTERED,
    EMAIL_CHANGED,
    PROFILE_UPDATED,
    STAGE_CHANGED,
    TAG_ADDED,
    TAG_REMOVED,
    CONSENT_GRANTED,
    CONSENT_WITHDRAWN,
    MESSAGE_SENT,
    MESSAGE_DELIVERED,
    MESSAGE_BOUNCED,
    MESSAGE_OPENED,
    MESSAGE_CLICKED,
    CONVERTED,
    UNSUBSCRIBED
}
