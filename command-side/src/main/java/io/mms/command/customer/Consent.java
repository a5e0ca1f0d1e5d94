package io.mms.command.customer;

import io.mms.events.campaign.Channel;

/** What a customer can agree to: being contacted on one channel for one purpose. */
record Consent(Channel channel, String purpose) {

    /** A plain string key, so the aggregate's snapshot can hold consents in a JSON object. */
    String key() {
        return channel + "/" + purpose;
    }
}
