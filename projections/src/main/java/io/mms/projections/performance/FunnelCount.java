package io.mms.projections.performance;

/**
 * How often one step of the funnel was reported.
 *
 * @param total  every report, repeats by the same customer included (two opens count twice)
 * @param unique the messages, that is the customers, with at least one such report
 */
public record FunnelCount(long total, long unique) {

    public static final FunnelCount NONE = new FunnelCount(0, 0);
}
