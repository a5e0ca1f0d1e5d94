package io.mms.command.delivery;

import io.mms.command.rejection.CommandRejected;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.mms.command.rejection.CommandRejected.Reason.NOT_FOUND;
import static io.mms.events.delivery.EngagementKind.OPENED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordEngagementTest {

    private static final Instant AT = Instant.parse("2026-03-05T14:00:00Z");

    @Test
    void aReportIsAddressedToTheCustomerTheMessageWasSentTo() {
        RecordEngagement command = RecordEngagement.about("cu-1:ca-1", OPENED, "pe-1", AT, null, null);

        assertThat(command.customerId()).isEqualTo("cu-1");
        assertThat(command.messageId()).isEqualTo("cu-1:ca-1");
    }

    @Test
    void aMalformedMessageIdNamesNoMessage() {
        assertThatThrownBy(() -> RecordEngagement.about("not-a-message", OPENED, "pe-1", AT, null, null))
                .isInstanceOfSatisfying(CommandRejected.class,
                        rejected -> assertThat(rejected.reason()).isEqualTo(NOT_FOUND));
    }
}
