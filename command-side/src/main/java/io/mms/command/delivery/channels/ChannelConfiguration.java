package io.mms.command.delivery.channels;

import io.mms.command.delivery.MessageSender;
import io.mms.events.campaign.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * Chooses how messages leave MMS. Email goes through SMTP when {@code spring.mail.host} is
 * set; every other case is recorded in {@code <data-dir>/outbox/messages.ndjson}, and start-up
 * says so, so that nobody believes a recorded message was sent.
 */
@Configuration(proxyBeanMethods = false)
class ChannelConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ChannelConfiguration.class);

    @Bean
    MessageSender messageSender(ObjectProvider<JavaMailSender> smtp,
                                @Value("${mms.delivery.email.from:marketing@mms.local}") String from,
                                @Value("${mms.data-dir:./data}") Path dataDirectory) {
        RecordingSender recorder = new RecordingSender(dataDirectory.resolve("outbox").resolve("messages.ndjson"));
        Map<Channel, MessageSender> senders = new EnumMap<>(Channel.class);
        JavaMailSender mail = smtp.getIfAvailable();
        if (mail != null) {
            senders.put(Channel.EMAIL, new SmtpEmailSender(mail, from));
        }
        log.info("Outgoing messages: email {}; SMS and push are recorded in {}",
                mail == null ? "is recorded too (no spring.mail.host set)" : "goes out through SMTP",
                recorder.outbox().toAbsolutePath());
        return new ChannelRouter(senders, recorder);
    }
}
