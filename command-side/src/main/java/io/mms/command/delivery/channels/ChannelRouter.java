package io.mms.command.delivery.channels;

import io.mms.command.delivery.MessageSender;
import io.mms.command.delivery.OutgoingMessage;
import io.mms.events.campaign.Channel;

import java.util.Map;

/** Hands each message to the sender of its channel, or records it when the channel has none. */
class ChannelRouter implements MessageSender {

    private final Map<Channel, MessageSender> senders;
    private final MessageSender fallback;

    ChannelRouter(Map<Channel, MessageSender> senders, MessageSender fallback) {
        this.senders = Map.copyOf(senders);
        this.fallback = fallback;
    }

    @Override
    public void send(OutgoingMessage message) {
        senders.getOrDefault(message.channel(), fallback).send(message);
    }
}
