package io.mms.projections.performance;

/**
 * Ratios between unique funnel counts; each is null while its denominator is zero. Providers
 * do not always report delivery, so a rate over delivered messages can exceed 1.
 *
 * @param deliveryRate    delivered / sent
 * @param bounceRate      bounced / sent
 * @param openRate        opened / delivered
 * @param clickRate       clicked / opened
 * @param conversionRate  converted / clicked
 * @param unsubscribeRate unsubscribed / delivered
 */
public record FunnelRates(
        Double deliveryRate,
        Double bounceRate,
        Double openRate,
        Double clickRate,
        Double conversionRate,
        Double unsubscribeRate) {
}
