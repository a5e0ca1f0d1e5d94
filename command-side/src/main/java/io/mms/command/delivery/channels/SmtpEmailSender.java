package io.mms.command.delivery.channels;

import io.mms.command.delivery.MessageSender;
import io.mms.command.delivery.OutgoingMessage;
import jakarta.mail.Message.RecipientType;
import org.springframework.mail.javamail.JavaMailSender;

import java.nio.charset.StandardCharsets;

/** Sends email through the SMTP server configured with {@code spring.mail.*}. */
class SmtpEmailSender implements MessageSender {

    /** The header that carries our message id, so provider reports can be matched to it. */
    static final String MESSAGE_ID_HEADER = "X-MMS-Message-Id";

    private final JavaMailSender mail;
    private final String from;

    SmtpEmailSender(JavaMailSender mail, String from) {
        this.mail = mail;
        this.from = from;
    }

    @Override
    public void send(OutgoingMessage message) {
        mail.send(mime -> {
            mime.setFrom(from);
            mime.setRecipients(RecipientType.TO, message.address());
            mime.setSubject(message.subject(), StandardCharsets.UTF_8.name());
            mime.setText(message.body(), StandardCharsets.UTF_8.name());
            mime.setHeader(MESSAGE_ID_HEADER, message.messageId());
        });
    }
}
