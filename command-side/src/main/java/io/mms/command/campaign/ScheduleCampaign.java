package io.mms.command.campaign;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Launch the campaign by itself at {@code startAt}, and complete it at {@code endAt} if one is given. */
public record ScheduleCampaign(@TargetAggregateIdentifier String campaignId, Instant startAt, Instant endAt) {
}
