package io.mms.command.rejection;

import java.util.regex.Pattern;

import static io.mms.command.rejection.CommandRejected.Reason.VALIDATION;

/** Input checks shared by the command handlers; each failure is a {@code VALIDATION} rejection. */
public final class Check {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private Check() {
    }

    public static String notBlank(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new CommandRejected(VALIDATION, field + " must not be blank");
        }
        return value.strip();
    }

    public static String email(String value) {
        String email = notBlank(value, "email");
        if (!EMAIL.matcher(email).matches()) {
            throw new CommandRejected(VALIDATION, "email '" + email + "' is not a valid address");
        }
        return email;
    }

    public static <T> T present(T value, String field) {
        if (value == null) {
            throw new CommandRejected(VALIDATION, field + " is required");
        }
        return value;
    }
}
