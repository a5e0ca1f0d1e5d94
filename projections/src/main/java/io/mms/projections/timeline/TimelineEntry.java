package io.mms.projections.timeline;

import java.time.Instant;

/**
 * One fact about a customer, as their timeline shows it.
 *
 * @param id         the identifier of the event the entry was made from
 * @param position   where the event stands in the event stream; later facts have larger positions
 * @param occurredAt when it happened, which for backdated facts (consent given on paper) can
 *                   be earlier than entries recorded before it
 * @param campaignId the campaign the fact is about, null if none
 * @param summary    a short sentence for people, with no personal data beyond what the kind implies
 */
public record TimelineEntry(String id, String customerId, long position, TimelineEntryKind kind,
                            Instant occurredAt, String campaignId, String summary) {
}
