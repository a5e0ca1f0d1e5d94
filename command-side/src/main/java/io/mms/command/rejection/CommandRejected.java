package io.mms.command.rejection;

/**
 * A command that the domain refused. Nothing was written; the reason says why in terms a
 * client can act on, and the message says it in words a person can read.
 */
public class CommandRejected extends RuntimeException {

    private final Reason reason;

    public CommandRejected(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** Why a command was refused; the names are stable error codes for clients. */
    public enum Reason {
        /** The input breaks a rule that does not depend on current state. */
        VALIDATION,
        /** The command names something that does not exist. */
        NOT_FOUND,
        /** The command is not allowed in the current state. */
        CONFLICT
    }
}
