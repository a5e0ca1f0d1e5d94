package io.mms.projections.segment;

import io.mms.events.audience.AudienceRule;

import java.time.Instant;

/**
 * A saved segment as the read side knows it.
 *
 * @param id      the segment's id
 * @param name    its current name
 * @param rule    its current audience rule
 * @param savedAt when it was first saved
 */
public record SegmentView(String id, String name, AudienceRule rule, Instant savedAt) {
}
