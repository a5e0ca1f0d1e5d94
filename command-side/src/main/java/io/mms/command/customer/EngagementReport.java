package io.mms.command.customer;

import io.mms.command.delivery.RecordEngagement;
import io.mms.command.rejection.Check;
import io.mms.command.rejection.CommandRejected;
import io.mms.events.Money;
import io.mms.events.delivery.EngagementKind;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.Locale;

import static io.mms.command.rejection.CommandRejected.Reason.VALIDATION;
import static io.mms.events.delivery.EngagementKind.CLICKED;
import static io.mms.events.delivery.EngagementKind.CONVERTED;

/** A provider's report on a message, checked on its own before the customer decides on it. */
record EngagementReport(
        String messageId,
        EngagementKind kind,
        String providerEventId,
        Instant occurredAt,
        Money revenue,
        String url) {

    static EngagementReport checked(RecordEngagement command, Instant now) {
        EngagementKind kind = Check.present(command.kind(), "kind");
        return new EngagementReport(
                Check.notBlank(command.messageId(), "messageId"),
                kind,
                Check.notBlank(command.providerEventId(), "providerEventId"),
                notInFuture(Check.present(command.occurredAt(), "occurredAt"), now),
                revenueFor(kind, command.revenue()),
                urlFor(kind, command.url()));
    }

    /**
     * How a report is recognised when the provider sends it again. Provider ids are scoped by
     * message, because two providers (one per channel) may well use the same ids.
     */
    static String providerKey(String messageId, String providerEventId) {
        return messageId + "|" + providerEventId;
    }

    String providerKey() {
        return providerKey(messageId, providerEventId);
    }

    private static Instant notInFuture(Instant occurredAt, Instant now) {
        if (occurredAt.isAfter(now)) {
            throw new CommandRejected(VALIDATION, "occurredAt must not be in the future, was " + occurredAt);
        }
        return occurredAt;
    }

    private static String urlFor(EngagementKind kind, String url) {
        if (kind != CLICKED) {
            return absent(url, "url", kind);
        }
        return Check.notBlank(url, "url");
    }

    private static Money revenueFor(EngagementKind kind, Money revenue) {
        if (kind != CONVERTED) {
            return absent(revenue, "revenue", kind);
        }
        Check.present(revenue, "revenue");
        BigDecimal amount = Check.present(revenue.amount(), "revenue.amount");
        if (amount.signum() < 0) {
            throw new CommandRejected(VALIDATION, "revenue.amount must not be negative, was " + amount);
        }
        return new Money(amount, isoCurrency(revenue.currency()));
    }

    private static String isoCurrency(String code) {
        String currency = Check.notBlank(code, "revenue.currency").toUpperCase(Locale.ROOT);
        try {
            Currency.getInstance(currency);
        } catch (IllegalArgumentException unknown) {
            throw new CommandRejected(VALIDATION, "revenue.currency '" + currency + "' is not an ISO 4217 code");
        }
        return currency;
    }

    /** A field that belongs to another kind is refused rather than dropped, so no data is silently lost. */
    private static <T> T absent(T value, String field, EngagementKind kind) {
        if (value != null) {
            throw new CommandRejected(VALIDATION, field + " is not allowed on a " + kind + " report");
        }
        return null;
    }
}
