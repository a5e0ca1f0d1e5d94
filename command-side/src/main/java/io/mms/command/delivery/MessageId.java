package io.mms.command.delivery;

import io.mms.command.rejection.CommandRejected;

import static io.mms.command.rejection.CommandRejected.Reason.NOT_FOUND;

/**
 * The id of the one message a campaign sends to one customer. It names both, so a provider's
 * report about a message finds its way to the customer who decided the send, and sending
 * twice for one campaign is recognisable.
 */
public record MessageId(String customerId, String campaignId) {

    private static final char SEPARATOR = ':';

    public static MessageId parse(String value) {
        int separator = value == null ? -1 : value.indexOf(SEPARATOR);
        if (separator <= 0 || separator == value.length() - 1 || value.indexOf(SEPARATOR, separator + 1) >= 0) {
            throw new CommandRejected(NOT_FOUND, "no message with id '" + value + "' was ever sent");
        }
        return new MessageId(value.substring(0, separator), value.substring(separator + 1));
    }

    public String value() {
        return customerId + SEPARATOR + campaignId;
    }
}
