package io.mms.command.customer;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.mms.command.delivery.DeliverCampaignMessage;
import io.mms.command.delivery.EngagementOutcome;
import io.mms.command.delivery.MessageId;
import io.mms.command.delivery.RecordEngagement;
import io.mms.command.rejection.Check;
import io.mms.command.rejection.CommandRejected;
import io.mms.events.audience.AudienceRule;
import io.mms.events.audience.CustomerFacts;
import io.mms.events.campaign.Channel;
import io.mms.events.customer.ConsentGranted;
import io.mms.events.customer.ConsentWithdrawn;
import io.mms.events.customer.CustomerEmailChanged;
import io.mms.events.customer.CustomerProfileUpdated;
import io.mms.events.customer.CustomerRegistered;
import io.mms.events.customer.CustomerStageChanged;
import io.mms.events.customer.CustomerTagAdded;
import io.mms.events.customer.CustomerTagRemoved;
import io.mms.events.customer.LifecycleStage;
import io.mms.events.delivery.CampaignMessageSent;
import io.mms.events.delivery.ConsentBasis;
import io.mms.events.delivery.EngagementKind;
import io.mms.events.delivery.MessageEngaged;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.mms.command.rejection.CommandRejected.Reason.CONFLICT;
import static io.mms.command.rejection.CommandRejected.Reason.NOT_FOUND;
import static io.mms.command.rejection.CommandRejected.Reason.VALIDATION;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A person MMS markets to: the consistency boundary for everything said about one customer.
 * A command that would change nothing records nothing.
 *
 * <p>Snapshots store this object as JSON; Jackson reads and writes its fields directly, because
 * the aggregate has no getters and should not grow any.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class Customer {

    private static final String EMAIL_TAKEN = "this email address is already registered to another customer";
    private static final String UNSUBSCRIBED_PURPOSE = "marketing";
    private static final String UNSUBSCRIBE_SOURCE = "unsubscribe";

    @AggregateIdentifier
    private String customerId;

    private String email;
    private Instant registeredAt;
    private Profile profile;
    private LifecycleStage stage;
    private Set<String> tags = new HashSet<>();

    /** The consent in force per {@link Consent#key()}, with where and when it was given. */
    private Map<String, ConsentBasis> consents = new HashMap<>();

    /** Every message ever sent to the customer, by message id. */
    private Map<String, SentMessage> sentMessages = new HashMap<>();

    /** The provider reports already recorded, by {@link EngagementReport#providerKey()}. */
    private Set<String> seenProviderEvents = new HashSet<>();

    /** Axon rebuilds the aggregate from its events (or a snapshot) through this constructor. */
    protected Customer() {
    }

    @CommandHandler
    public Customer(RegisterCustomer command, EmailRegistry emails) {
        String address = Check.email(command.email());
        String name = Check.notBlank(command.name(), "name");
        claimOrReject(emails, EmailAddresses.normalized(address), command.customerId());

        apply(new CustomerRegistered(command.customerId(), address, name, now()));
    }

    @CommandHandler
    void handle(UpdateCustomerProfile command) {
        Profile updated = profile.updatedBy(command);
        if (updated.equals(profile)) {
            return;
        }

        apply(new CustomerProfileUpdated(customerId, updated.name(), updated.phone(), updated.locale(),
                updated.sortedAttributes(), now()));
    }

    @CommandHandler
    void handle(ChangeCustomerEmail command, EmailRegistry emails) {
        String address = Check.email(command.email());
        if (address.equals(email)) {
            return;
        }
        String claimed = EmailAddresses.normalized(address);
        String released = EmailAddresses.normalized(email);
        if (!claimed.equals(released)) {
            claimOrReject(emails, claimed, customerId);
            emails.release(released, customerId);
        }

        apply(new CustomerEmailChanged(customerId, address, now()));
    }

    @CommandHandler
    void handle(ChangeCustomerStage command) {
        LifecycleStage target = Check.present(command.stage(), "stage");
        if (target == stage) {
            return;
        }
        if (!StageTransitions.allows(stage, target)) {
            throw new CommandRejected(CONFLICT, "customer is " + stage + " and cannot move to " + target);
        }

        apply(new CustomerStageChanged(customerId, stage, target, now()));
    }

    @CommandHandler
    void handle(AddCustomerTag command) {
        String tag = normalizedTag(command.tag());
        if (!tags.contains(tag)) {
            apply(new CustomerTagAdded(customerId, tag, now()));
        }
    }

    @CommandHandler
    void handle(RemoveCustomerTag command) {
        String tag = normalizedTag(command.tag());
        if (tags.contains(tag)) {
            apply(new CustomerTagRemoved(customerId, tag, now()));
        }
    }

    @CommandHandler
    void handle(GrantConsent command) {
        Consent consent = consent(command.channel(), command.purpose());
        String source = Check.notBlank(command.source(), "source");
        Instant at = pastOrNow(command.at());
        if (!consents.containsKey(consent.key())) {
            apply(new ConsentGranted(customerId, consent.channel(), consent.purpose(), source, at));
        }
    }

    @CommandHandler
    void handle(WithdrawConsent command) {
        Consent consent = consent(command.channel(), command.purpose());
        String source = Check.notBlank(command.source(), "source");
        Instant at = pastOrNow(command.at());
        if (consents.containsKey(consent.key())) {
            apply(new ConsentWithdrawn(customerId, consent.channel(), consent.purpose(), source, at));
        }
    }

    /**
     * Sends the campaign's message if this customer is in its audience and consents to its
     * channel now; answers whether a message was sent. A second delivery of the same campaign
     * sends nothing, so a launch can be retried safely.
     */
    @CommandHandler
    boolean handle(DeliverCampaignMessage command) {
        MessageId message = new MessageId(customerId, command.campaignId());
        Optional<ConsentBasis> consent = consentFor(command.channel(), DeliverCampaignMessage.PURPOSE);
        Optional<String> address = addressOn(command.channel());
        if (wasSent(message) || !isIn(command.audience()) || consent.isEmpty() || address.isEmpty()) {
            return false;
        }

        apply(new CampaignMessageSent(customerId, command.campaignId(), message.value(), command.channel(),
                address.get(), command.subject(), command.body(), consent.get(), now()));
        return true;
    }

    @CommandHandler
    EngagementOutcome handle(RecordEngagement command) {
        EngagementReport report = EngagementReport.checked(command, now());
        SentMessage sent = sentMessages.get(report.messageId());
        if (sent == null) {
            throw new CommandRejected(NOT_FOUND, "no message with id '" + report.messageId() + "' was ever sent");
        }
        if (seenProviderEvents.contains(report.providerKey())) {
            return EngagementOutcome.DUPLICATE;
        }

        apply(new MessageEngaged(customerId, sent.campaignId(), report.messageId(), report.kind(),
                report.providerEventId(), report.occurredAt(), report.revenue(), report.url()));
        if (report.kind() == EngagementKind.UNSUBSCRIBED) {
            unsubscribe(sent.channel(), report.occurredAt());
        }
        return EngagementOutcome.RECORDED;
    }

    @EventSourcingHandler
    void on(CustomerRegistered event) {
        customerId = event.customerId();
        email = event.email();
        registeredAt = event.registeredAt();
        profile = Profile.named(event.name());
        stage = LifecycleStage.LEAD;
    }

    @EventSourcingHandler
    void on(CustomerProfileUpdated event) {
        profile = new Profile(event.name(), event.phone(), event.locale(), event.attributes());
    }

    @EventSourcingHandler
    void on(CustomerEmailChanged event) {
        email = event.email();
    }

    @EventSourcingHandler
    void on(CustomerStageChanged event) {
        stage = event.to();
    }

    @EventSourcingHandler
    void on(CustomerTagAdded event) {
        tags.add(event.tag());
    }

    @EventSourcingHandler
    void on(CustomerTagRemoved event) {
        tags.remove(event.tag());
    }

    @EventSourcingHandler
    void on(ConsentGranted event) {
        consents.put(new Consent(event.channel(), event.purpose()).key(),
                new ConsentBasis(event.channel(), event.purpose(), event.source(), event.grantedAt()));
    }

    @EventSourcingHandler
    void on(ConsentWithdrawn event) {
        consents.remove(new Consent(event.channel(), event.purpose()).key());
    }

    @EventSourcingHandler
    void on(CampaignMessageSent event) {
        sentMessages.put(event.messageId(), new SentMessage(event.campaignId(), event.channel()));
    }

    @EventSourcingHandler
    void on(MessageEngaged event) {
        seenProviderEvents.add(EngagementReport.providerKey(event.messageId(), event.providerEventId()));
    }

    /**
     * An unsubscribe ends marketing consent on the message's channel, unless the consent in force
     * was given after it: a late report must not undo a newer agreement.
     */
    private void unsubscribe(Channel channel, Instant at) {
        consentFor(channel, UNSUBSCRIBED_PURPOSE)
                .filter(basis -> !basis.grantedAt().isAfter(at))
                .ifPresent(basis -> apply(new ConsentWithdrawn(
                        customerId, channel, UNSUBSCRIBED_PURPOSE, UNSUBSCRIBE_SOURCE, at)));
    }

    /** What an audience rule is evaluated against. */
    private CustomerFacts facts() {
        return new CustomerFacts(tags, stage, profile.attributes(), registeredAt);
    }

    private boolean isIn(AudienceRule audience) {
        return audience == null || audience.matches(facts());
    }

    /** Where a message on the channel reaches the customer: push goes to the customer's app. */
    private Optional<String> addressOn(Channel channel) {
        return switch (channel) {
            case EMAIL -> Optional.of(email);
            case SMS -> Optional.ofNullable(profile.phone());
            case PUSH -> Optional.of(customerId);
        };
    }

    /** The consent in force for a channel and purpose, if the customer gave it. */
    private Optional<ConsentBasis> consentFor(Channel channel, String purpose) {
        return Optional.ofNullable(consents.get(new Consent(channel, purpose).key()));
    }

    private boolean wasSent(MessageId message) {
        return sentMessages.containsKey(message.value());
    }

    private static void claimOrReject(EmailRegistry emails, String normalizedEmail, String customerId) {
        if (!emails.claim(normalizedEmail, customerId)) {
            throw new CommandRejected(CONFLICT, EMAIL_TAKEN);
        }
    }

    private static String normalizedTag(String tag) {
        return Check.notBlank(tag, "tag").toLowerCase(Locale.ROOT);
    }

    private static Consent consent(Channel channel, String purpose) {
        Check.present(channel, "channel");
        return new Consent(channel, Check.notBlank(purpose, "purpose").toLowerCase(Locale.ROOT));
    }

    /** Consent can be recorded after the fact, but not ahead of it. */
    private static Instant pastOrNow(Instant at) {
        Instant now = now();
        if (at == null) {
            return now;
        }
        if (at.isAfter(now)) {
            throw new CommandRejected(VALIDATION, "a consent time must not be in the future, was " + at);
        }
        return at;
    }

    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }
}
