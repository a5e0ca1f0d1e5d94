package io.mms.command.delivery;

/**
 * The way out of MMS: hands a message to whatever carries it on its channel. Implementations
 * throw when the message could not be handed over, so that it is tried again.
 */
public interface MessageSender {

    void send(OutgoingMessage message);
}
