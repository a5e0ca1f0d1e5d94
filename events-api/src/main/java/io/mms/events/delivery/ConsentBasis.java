package io.mms.events.delivery;

import io.mms.events.campaign.Channel;

import java.time.Instant;

/**
 * The consent a message was sent under: the lawful basis a send relied on, kept with the send
 * so that it can be shown later even after the consent was withdrawn.
 */
public record ConsentBasis(Channel channel, String purpose, String source, Instant grantedAt) {
}
