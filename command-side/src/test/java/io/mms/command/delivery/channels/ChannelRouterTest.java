package io.mms.command.delivery.channels;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mms.command.delivery.MessageSender;
import io.mms.command.delivery.OutgoingMessage;
import io.mms.events.campaign.Channel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ChannelRouterTest {

    @TempDir
    Path dataDirectory;

    @Test
    void aChannelWithoutACarrierIsRecordedAsOneJsonLinePerMessage() throws Exception {
        Path outbox = dataDirectory.resolve("outbox/messages.ndjson");
        List<OutgoingMessage> emailed = new ArrayList<>();
        MessageSender email = emailed::add;
        ChannelRouter router = new ChannelRouter(Map.of(Channel.EMAIL, email), new RecordingSender(outbox));

        router.send(message("m-1", Channel.EMAIL));
        router.send(message("m-2", Channel.SMS));
        router.send(message("m-3", Channel.PUSH));

        assertThat(emailed).extracting(OutgoingMessage::messageId).containsExactly("m-1");
        List<String> lines = Files.readAllLines(outbox);
        ObjectMapper json = new ObjectMapper();
        assertThat(lines).hasSize(2);
        assertThat(json.readTree(lines.get(0)).get("messageId").asText()).isEqualTo("m-2");
        assertThat(json.readTree(lines.get(1)).get("channel").asText()).isEqualTo("PUSH");
    }

    private static OutgoingMessage message(String id, Channel channel) {
        return new OutgoingMessage(id, "c-1", "u-1", channel, "somewhere", "Subject", "Body");
    }
}
