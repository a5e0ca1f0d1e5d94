package io.mms.command.delivery.channels;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.mms.command.delivery.OutgoingMessage;
import io.mms.events.campaign.Channel;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;

/** The email channel against a real SMTP server, started in-process. */
class SmtpEmailSenderTest {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Test
    void anEmailArrivesWithItsSubjectBodyAndMessageId() throws Exception {
        JavaMailSenderImpl mail = new JavaMailSenderImpl();
        mail.setHost("127.0.0.1");
        mail.setPort(smtp.getSmtp().getPort());
        SmtpEmailSender sender = new SmtpEmailSender(mail, "news@shop.example");

        sender.send(new OutgoingMessage("m-1", "c-1", "u-1", Channel.EMAIL, "ada@example.com",
                "Winter sale", "Everything half price, this week only."));

        MimeMessage received = smtp.getReceivedMessages()[0];
        assertThat(received.getAllRecipients()).extracting(Object::toString).containsExactly("ada@example.com");
        assertThat(received.getFrom()).extracting(Object::toString).containsExactly("news@shop.example");
        assertThat(received.getSubject()).isEqualTo("Winter sale");
        assertThat(GreenMailUtil.getBody(received)).contains("Everything half price");
        assertThat(received.getHeader(SmtpEmailSender.MESSAGE_ID_HEADER)).containsExactly("m-1");
    }
}
