package io.mms.query.partner;

import java.util.Set;

/**
 * What one request reads: the event types it asked for and may read, and whether personal
 * data stays in.
 *
 * @param types        the public event types delivered
 * @param personalData whether fields marked as personal data are delivered
 */
record Subscription(Set<String> types, boolean personalData) {

    boolean accepts(String type) {
        return types.contains(type);
    }
}
