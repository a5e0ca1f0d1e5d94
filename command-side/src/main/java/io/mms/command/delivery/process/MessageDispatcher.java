package io.mms.command.delivery.process;

import io.mms.command.delivery.MessageSender;
import io.mms.command.delivery.OutgoingMessage;
import io.mms.events.delivery.CampaignMessageSent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Hands every sent message to its channel. Runs after the send was recorded, at least once:
 * a failure to hand over stops the processor, which tries again, rather than losing a message.
 */
@Component
@ProcessingGroup(MessageDispatcher.PROCESSOR)
class MessageDispatcher {

    static final String PROCESSOR = "message-dispatch";

    private final MessageSender sender;

    MessageDispatcher(MessageSender sender) {
        this.sender = sender;
    }

    @EventHandler
    void on(CampaignMessageSent sent) {
        sender.send(new OutgoingMessage(sent.messageId(), sent.campaignId(), sent.customerId(), sent.channel(),
                sent.address(), sent.subject(), sent.body()));
    }
}
