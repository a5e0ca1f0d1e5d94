package io.mms.command.rejection;

import io.mms.command.rejection.CommandRejected.Reason;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;

import static org.hamcrest.Matchers.equalTo;

/** Hamcrest matchers on {@link CommandRejected}, for the expectations of aggregate fixtures. */
public final class Rejections {

    private Rejections() {
    }

    /** Matches a {@link CommandRejected} with the given reason; any other exception fails. */
    public static Matcher<CommandRejected> rejectedFor(Reason reason) {
        return new FeatureMatcher<>(equalTo(reason), "a command rejected for", "reason") {
            @Override
            protected Reason featureValueOf(CommandRejected actual) {
                return actual.reason();
            }
        };
    }
}
