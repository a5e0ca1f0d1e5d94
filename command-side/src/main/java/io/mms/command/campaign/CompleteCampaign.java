package io.mms.command.campaign;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** End a live or paused campaign now, before (or without) a scheduled end. */
public record CompleteCampaign(@TargetAggregateIdentifier String campaignId) {
}
