package io.mms.command.delivery.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.mms.command.delivery.RecordEngagement;
import io.mms.command.rejection.CommandRejected;
import io.mms.events.Money;
import io.mms.events.delivery.EngagementKind;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;

import static io.mms.command.rejection.CommandRejected.Reason.VALIDATION;

/**
 * One report of a webhook batch, in the shape providers send: {@code id}, {@code messageId},
 * {@code type}, {@code occurredAt} and, where they belong, {@code url} and {@code revenue}.
 * A field of the wrong shape is a {@code VALIDATION} rejection of this item only.
 */
record WebhookItem(JsonNode json) {

    /** The provider's id of the report, as far as it can be read, to label the item's result. */
    String id() {
        JsonNode id = json.get("id");
        return id == null || !id.isValueNode() || id.isNull() ? null : id.asText();
    }

    RecordEngagement command() {
        return RecordEngagement.about(text("messageId"), kind(), text("id"), occurredAt(), revenue(), text("url"));
    }

    private EngagementKind kind() {
        String type = text("type");
        if (type == null) {
            return null;
        }
        try {
            return EngagementKind.valueOf(type.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw invalid("type '" + type + "' is not one of " + knownTypes());
        }
    }

    private Instant occurredAt() {
        String occurredAt = text("occurredAt");
        try {
            return occurredAt == null ? null : OffsetDateTime.parse(occurredAt).toInstant();
        } catch (DateTimeParseException malformed) {
            throw invalid("occurredAt '" + occurredAt + "' is not an ISO-8601 date and time with offset");
        }
    }

    private Money revenue() {
        JsonNode revenue = json.get("revenue");
        if (revenue == null || revenue.isNull()) {
            return null;
        }
        if (!revenue.isObject()) {
            throw invalid("revenue must be an object with amount and currency");
        }
        return new Money(amount(revenue.get("amount")), textOf(revenue.get("currency"), "revenue.currency"));
    }

    /** Amounts come as strings ("12.50") so no provider rounds them through a double; numbers are taken too. */
    private static BigDecimal amount(JsonNode amount) {
        String value = textOf(amount, "revenue.amount");
        try {
            return value == null ? null : new BigDecimal(value.strip());
        } catch (NumberFormatException malformed) {
            throw invalid("revenue.amount '" + value + "' is not a decimal number");
        }
    }

    private String text(String field) {
        return textOf(json.get(field), field);
    }

    private static String textOf(JsonNode value, String field) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isValueNode()) {
            throw invalid(field + " must be a string");
        }
        return value.asText();
    }

    private static String knownTypes() {
        return Arrays.stream(EngagementKind.values())
                .map(kind -> kind.name().toLowerCase(Locale.ROOT))
                .toList()
                .toString();
    }

    private static CommandRejected invalid(String message) {
        return new CommandRejected(VALIDATION, message);
    }
}
