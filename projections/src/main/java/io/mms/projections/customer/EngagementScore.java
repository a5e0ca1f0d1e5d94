package io.mms.projections.customer;

import io.mms.events.delivery.EngagementKind;

import java.time.Duration;
import java.time.Instant;

/**
 * How engaged a customer is, as one number a marketer can reason about.
 *
 * <p><b>The formula.</b> Every open of a message earns 1 point, every click 3 points and every
 * conversion 10 points. A point loses half its value every 30 days after the engagement that
 * earned it. The score is what all points are worth at the moment it is asked for, rounded to
 * one decimal: a customer who opened today scores 1.0; one who clicked 30 days ago 1.5; one
 * who converted 60 days ago and opened yesterday 2.5 + 0.98 = 3.5. Deliveries, bounces and
 * unsubscribes earn nothing.
 *
 * <p><b>Why it is stored as a weight.</b> Because every point decays at the same rate, the
 * score at any moment is one common factor times the sum of each point multiplied by
 * 2^(days from a fixed reference instant to its engagement / 30). The read model stores that
 * sum, the <em>weight</em>, which depends only on event times (so replay gives the same
 * document) and only grows. Ordering customers by weight is ordering them by score, at any
 * moment; the score itself is computed when it is read.
 */
public final class EngagementScore {

    /** Points lose half their value over this time. */
    public static final Duration HALF_LIFE = Duration.ofDays(30);

    /** Weights are measured from here; any fixed instant would do. */
    static final Instant REFERENCE = Instant.parse("2020-01-01T00:00:00Z");

    private EngagementScore() {
    }

    /** What an engagement of this kind is worth when it happens. */
    public static int pointsFor(EngagementKind kind) {
        return switch (kind) {
            case OPENED -> 1;
            case CLICKED -> 3;
            case CONVERTED -> 10;
            case DELIVERED, BOUNCED, UNSUBSCRIBED -> 0;
        };
    }

    /** What the engagement adds to a customer's weight. */
    static double weightOf(EngagementKind kind, Instant occurredAt) {
        return pointsFor(kind) * Math.pow(2, halfLivesSinceReference(occurredAt));
    }

    /** The score of a customer with this weight at the given moment, rounded to one decimal. */
    public static double scoreAt(double weight, Instant now) {
        double score = weight * Math.pow(2, -halfLivesSinceReference(now));
        return Math.round(score * 10) / 10.0;
    }

    private static double halfLivesSinceReference(Instant at) {
        return Duration.between(REFERENCE, at).toMillis() / (double) HALF_LIFE.toMillis();
    }
}
