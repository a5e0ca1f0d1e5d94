package io.mms.events.campaign;

/** The way a campaign reaches customers. */
public enum Channel {
    EMAIL,
    SMS,
    PUSH
}
