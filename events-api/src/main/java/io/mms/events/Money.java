package io.mms.events;

import java.math.BigDecimal;

/** An amount in one currency, named by its ISO 4217 code. */
public record Money(BigDecimal amount, String currency) {
}
