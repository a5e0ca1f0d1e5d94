package io.mms.command.campaign;

import java.time.Instant;

/**
 * The payload of a scheduled start or end. It carries the instant it was scheduled for, so a
 * deadline that outlived a change of schedule (a cancellation that did not reach the store)
 * is recognised as stale and ignored.
 */
public record CampaignDeadline(Instant dueAt) {

    public static final String START = "campaign-start";
    public static final String END = "campaign-end";
}
