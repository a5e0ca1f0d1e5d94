package io.mms.projections.performance;

import java.util.Map;

/** The steps of a campaign's funnel, each counted in total and per customer. */
public record Funnel(
        FunnelCount sent,
        FunnelCount delivered,
        FunnelCount bounced,
        FunnelCount opened,
        FunnelCount clicked,
        FunnelCount converted,
        FunnelCount unsubscribed) {

    public static final Funnel EMPTY = of(Map.of());

    /** The funnel from counts by kind ({@code SENT}, {@code OPENED}, ...); missing kinds count zero. */
    static Funnel of(Map<String, FunnelCount> byKind) {
        return new Funnel(count(byKind, "SENT"), count(byKind, "DELIVERED"), count(byKind, "BOUNCED"),
                count(byKind, "OPENED"), count(byKind, "CLICKED"), count(byKind, "CONVERTED"),
                count(byKind, "UNSUBSCRIBED"));
    }

    /** Each rate divides unique counts, so a customer who opens five times counts once. */
    public FunnelRates rates() {
        return new FunnelRates(
                rate(delivered, sent), rate(bounced, sent), rate(opened, delivered),
                rate(clicked, opened), rate(converted, clicked), rate(unsubscribed, delivered));
    }

    private static Double rate(FunnelCount part, FunnelCount whole) {
        return whole.unique() == 0 ? null : (double) part.unique() / whole.unique();
    }

    private static FunnelCount count(Map<String, FunnelCount> byKind, String kind) {
        return byKind.getOrDefault(kind, FunnelCount.NONE);
    }
}
