package io.mms.command.delivery.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mms.command.delivery.EngagementOutcome;
import io.mms.command.delivery.RecordEngagement;
import io.mms.command.delivery.web.EngagementWebhook.ItemResult;
import io.mms.command.delivery.web.EngagementWebhook.MalformedBatch;
import io.mms.command.rejection.CommandRejected;
import io.mms.events.Money;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.mms.command.rejection.CommandRejected.Reason.NOT_FOUND;
import static io.mms.events.delivery.EngagementKind.CONVERTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The webhook against a command bus whose one handler stands in for the customers: message
 * {@code cu-1:ca-1} was sent, provider id {@code seen} was recorded before, customer
 * {@code cu-gone} does not exist and any other message was never sent.
 */
class EngagementWebhookTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<RecordEngagement> handled = new ArrayList<>();
    private EngagementWebhook webhook;

    @BeforeEach
    void createWebhook() {
        SimpleCommandBus bus = SimpleCommandBus.builder().build();
        bus.subscribe(RecordEngagement.class.getName(), message -> decide((RecordEngagement) message.getPayload()));
        CommandGateway gateway = DefaultCommandGateway.builder().commandBus(bus).build();
        webhook = new EngagementWebhook(new EngagementRecorder(gateway));
    }

    @Test
    void everyReportIsAnsweredInOrderAndABadOneLosesNoneOfTheOthers() throws Exception {
        List<ItemResult> results = webhook.receive(JSON.readTree("""
                [{"id": "e1", "messageId": "cu-1:ca-1", "type": "opened", "occurredAt": "2026-03-05T14:00:00Z"},
                 {"id": "e2", "messageId": "cu-1:ca-1", "type": "exploded", "occurredAt": "2026-03-05T14:00:00Z"},
                 {"id": "seen", "messageId": "cu-1:ca-1", "type": "opened", "occurredAt": "2026-03-05T14:00:00Z"},
                 {"id": "e4", "messageId": "no-such-message", "type": "opened", "occurredAt": "2026-03-05T14:00:00Z"},
                 {"id": "e5", "messageId": "cu-1:ca-9", "type": "clicked", "occurredAt": "2026-03-05T14:00:00Z"},
                 {"id": "e6", "messageId": "cu-gone:ca-1", "type": "delivered", "occurredAt": "2026-03-05T14:00:00Z"},
                 {"id": "e7", "messageId": "cu-1:ca-1", "type": "opened", "occurredAt": "yesterday"},
                 {"id": "e8", "messageId": "cu-1:ca-1", "type": "delivered", "occurredAt": "2026-03-05T14:00:00Z"}]
                """));

        assertThat(results).extracting(ItemResult::id)
                .containsExactly("e1", "e2", "seen", "e4", "e5", "e6", "e7", "e8");
        assertThat(results).extracting(ItemResult::status).containsExactly(
                "recorded", "rejected", "duplicate", "rejected", "rejected", "rejected", "rejected", "recorded");
        assertThat(results).extracting(ItemResult::code).containsExactly(
                null, "VALIDATION", null, "NOT_FOUND", "NOT_FOUND", "NOT_FOUND", "VALIDATION", null);
        assertThat(results.get(1).message()).contains("'exploded'", "delivered", "unsubscribed");
        assertThat(results.get(5).message()).isEqualTo("no message with id 'cu-gone:ca-1' was ever sent");
        assertThat(handled).extracting(RecordEngagement::providerEventId)
                .containsExactly("e1", "seen", "e5", "e6", "e8");
    }

    @Test
    void aReportBecomesTheCommandOfItsFields() throws Exception {
        webhook.receive(JSON.readTree("""
                [{"id": 42, "messageId": "cu-1:ca-1", "type": "Converted", "occurredAt": "2026-03-05T16:00:00+02:00",
                  "revenue": {"amount": "12.50", "currency": "EUR"}}]
                """));

        assertThat(handled).containsExactly(new RecordEngagement("cu-1", "cu-1:ca-1", CONVERTED, "42",
                Instant.parse("2026-03-05T14:00:00Z"), new Money(new BigDecimal("12.50"), "EUR"), null));
    }

    @Test
    void fieldsOfTheWrongShapeRejectOnlyTheirReport() throws Exception {
        List<ItemResult> results = webhook.receive(JSON.readTree("""
                [{"id": "e1", "messageId": "cu-1:ca-1", "type": "converted", "occurredAt": "2026-03-05T14:00:00Z",
                  "revenue": {"amount": "a lot", "currency": "EUR"}},
                 {"id": "e2", "messageId": "cu-1:ca-1", "type": "converted", "occurredAt": "2026-03-05T14:00:00Z",
                  "revenue": "12.50 EUR"},
                 {"id": "e3", "messageId": ["cu-1:ca-1"], "type": "opened", "occurredAt": "2026-03-05T14:00:00Z"}]
                """));

        assertThat(results).extracting(ItemResult::code).containsOnly("VALIDATION");
        assertThat(results).extracting(ItemResult::message).containsExactly(
                "revenue.amount 'a lot' is not a decimal number",
                "revenue must be an object with amount and currency",
                "messageId must be a string");
        assertThat(handled).isEmpty();
    }

    @Test
    void aBodyThatIsNotAnArrayOfReportsIsMalformedAndNothingIsRecorded() throws Exception {
        for (String body : List.of("{\"id\": \"e1\"}", "\"e1\"", "[{\"id\": \"e1\"}, 7]")) {
            JsonNode batch = JSON.readTree(body);

            assertThatThrownBy(() -> webhook.receive(batch)).isInstanceOf(MalformedBatch.class);
        }
        assertThat(handled).isEmpty();
    }

    @Test
    void aBatchOverTheCapIsMalformedAndNothingIsRecorded() throws Exception {
        String item = "{\"id\": \"e\", \"messageId\": \"cu-1:ca-1\", \"type\": \"opened\", "
                + "\"occurredAt\": \"2026-03-05T14:00:00Z\"}";
        String full = IntStream.range(0, EngagementWebhook.MAX_BATCH).mapToObj(i -> item)
                .collect(Collectors.joining(",", "[", "]"));
        String over = full.replace("[", "[" + item + ",");

        assertThat(webhook.receive(JSON.readTree(full))).hasSize(EngagementWebhook.MAX_BATCH);
        handled.clear();
        assertThatThrownBy(() -> webhook.receive(JSON.readTree(over)))
                .isInstanceOf(MalformedBatch.class)
                .hasMessageContaining("at most 1000");
        assertThat(handled).isEmpty();
    }

    private EngagementOutcome decide(RecordEngagement command) {
        handled.add(command);
        if (command.customerId().equals("cu-gone")) {
            throw new AggregateNotFoundException(command.customerId(), "no such customer");
        }
        if (!command.messageId().equals("cu-1:ca-1")) {
            throw new CommandRejected(NOT_FOUND, "no message with id '" + command.messageId() + "' was ever sent");
        }
        return command.providerEventId().equals("seen") ? EngagementOutcome.DUPLICATE : EngagementOutcome.RECORDED;
    }
}
