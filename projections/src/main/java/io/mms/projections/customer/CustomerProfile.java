package io.mms.projections.customer;

import io.mms.events.campaign.Channel;
import io.mms.events.customer.LifecycleStage;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What frontends show about one customer.
 *
 * @param attributes     free profile attributes, by key
 * @param consents       every channel and purpose the customer ever decided on, with the last decision
 * @param tags           the customer's tags, lower-case, in the order they were added
 * @param lastActivityAt the latest moment the customer did something (see {@link CustomerProfiles})
 */
public record CustomerProfile(
        String id,
        String email,
        String name,
        Instant registeredAt,
        String phone,
        String locale,
        Map<String, String> attributes,
        List<ConsentState> consents,
        List<String> tags,
        LifecycleStage stage,
        Engagement engagement,
        Instant lastActivityAt) {

    /**
     * The customer's last decision on one channel and purpose.
     *
     * @param granted whether consent is in force
     * @param source  where the decision was made, such as {@code signup-form}
     * @param at      when it was made
     */
    public record ConsentState(Channel channel, String purpose, boolean granted, String source, Instant at) {
    }

    /**
     * What the customer did with the messages sent to them.
     *
     * @param weight        the sum from which {@link EngagementScore} computes the score
     * @param lastEngagedAt when the customer last opened, clicked or converted; null if never
     */
    public record Engagement(long sent, long delivered, long bounced, long opens, long clicks,
                             long conversions, long unsubscribes, double weight, Instant lastEngagedAt) {

        /** The engagement score at the given moment; see {@link EngagementScore}. */
        public double scoreAt(Instant now) {
            return EngagementScore.scoreAt(weight, now);
        }
    }
}
