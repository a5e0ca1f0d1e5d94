package io.mms.command.campaign;

/** Where a campaign stands in its lifecycle. */
public enum CampaignStatus {
    DRAFT,
    ACTIVE
}
