package io.mms.command.delivery.web;

import io.mms.command.delivery.EngagementOutcome;
import io.mms.command.delivery.RecordEngagement;
import io.mms.events.Money;
import io.mms.events.delivery.EngagementKind;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

import java.math.BigDecimal;
import java.time.Instant;

@Controller
class EngagementMutations {

    private final EngagementRecorder recorder;

    EngagementMutations(EngagementRecorder recorder) {
        this.recorder = recorder;
    }

    @MutationMapping
    RecordEngagementPayload recordEngagement(@Argument RecordEngagementInput input) {
        RecordEngagement command = RecordEngagement.about(input.messageId(), input.kind(), input.providerEventId(),
                input.occurredAt(), MoneyInput.toMoney(input.revenue()), input.url());
        return new RecordEngagementPayload(command.messageId(), recorder.record(command));
    }

    record RecordEngagementInput(String messageId, String providerEventId, EngagementKind kind,
                                 Instant occurredAt, String url, MoneyInput revenue) {
    }

    record MoneyInput(BigDecimal amount, String currency) {

        static Money toMoney(MoneyInput input) {
            return input == null ? null : new Money(input.amount(), input.currency());
        }
    }

    record RecordEngagementPayload(String messageId, EngagementOutcome outcome) {
    }
}
