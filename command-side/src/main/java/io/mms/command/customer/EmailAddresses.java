package io.mms.command.customer;

import java.util.Locale;

/** How two email addresses are compared: trimmed, and regardless of case. */
public final class EmailAddresses {

    private EmailAddresses() {
    }

    public static String normalized(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
