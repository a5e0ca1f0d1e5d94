package io.mms.command.campaign;

/**
 * Where a campaign stands in its lifecycle:
 * {@code DRAFT → SCHEDULED → ACTIVE ⇄ PAUSED → COMPLETED}, and {@code CANCELLED} from any
 * state before {@code COMPLETED}. A draft can also be launched directly.
 */
public enum CampaignStatus {
    DRAFT,
    SCHEDULED,
    ACTIVE,
    PAUSED,
    COMPLETED,
    CANCELLED
}
