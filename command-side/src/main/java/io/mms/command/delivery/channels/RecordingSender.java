package io.mms.command.delivery.channels;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mms.command.delivery.MessageSender;
import io.mms.command.delivery.OutgoingMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Instead of sending, appends each message as one JSON line to a file a developer can read.
 * The embedded default, and every channel that has no real carrier configured.
 */
class RecordingSender implements MessageSender {

    private final Path outbox;
    private final ObjectMapper json = new ObjectMapper();

    RecordingSender(Path outbox) {
        this.outbox = outbox;
    }

    @Override
    public synchronized void send(OutgoingMessage message) {
        try {
            Files.createDirectories(outbox.getParent());
            String line = json.writeValueAsString(message) + System.lineSeparator();
            Files.writeString(outbox, line, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException failure) {
            throw new UncheckedIOException("could not record message " + message.messageId(), failure);
        }
    }

    Path outbox() {
        return outbox;
    }
}
