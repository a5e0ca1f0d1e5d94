package io.mms.events.audience;

/** How a customer's tags must meet the tags an audience rule names. */
public enum TagMatch {
    /** The customer carries at least one of the rule's tags. */
    ANY,
    /** The customer carries every one of the rule's tags. */
    ALL
}
