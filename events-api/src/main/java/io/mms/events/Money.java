package io.mms.events;

import java.math.BigDecimal;

/**
 * An amount in one currency, named by its ISO 4217 code.
 *
 * @param amount   a decimal number, written exactly as it was given (such as 2500.00); read it as a
 *                 decimal rather than a binary floating-point number to keep every cent
 * @param currency the ISO 4217 code in capitals, such as EUR
 */
public record Money(BigDecimal amount, String currency) {
}
