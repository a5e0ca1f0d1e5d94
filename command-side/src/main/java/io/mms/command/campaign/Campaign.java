package io.mms.command.campaign;

import io.mms.command.rejection.Check;
import io.mms.command.rejection.CommandRejected;
import io.mms.events.Money;
import io.mms.events.campaign.CampaignCreated;
import io.mms.events.campaign.CampaignLaunched;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;

import static io.mms.command.rejection.CommandRejected.Reason.CONFLICT;
import static io.mms.command.rejection.CommandRejected.Reason.VALIDATION;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A marketing campaign: decides which lifecycle steps are allowed and records them. */
public class Campaign {

    @AggregateIdentifier
    private String campaignId;

    private CampaignStatus status;

    /** Axon rebuilds the aggregate from its events through this constructor. */
    protected Campaign() {
    }

    @CommandHandler
    public Campaign(CreateCampaign command) {
        String name = Check.notBlank(command.name(), "name");
        Check.present(command.channel(), "channel");
        Money budget = validBudget(command.budget());
        String description = command.description() == null ? null : command.description().strip();

        apply(new CampaignCreated(command.campaignId(), name, command.channel(), budget, description,
                GenericEventMessage.clock.instant()));
    }

    @CommandHandler
    void handle(LaunchCampaign command) {
        if (status != CampaignStatus.DRAFT) {
            throw new CommandRejected(CONFLICT, "campaign " + campaignId + " is " + status
                    + " and can only be launched from DRAFT");
        }

        apply(new CampaignLaunched(campaignId, GenericEventMessage.clock.instant()));
    }

    @EventSourcingHandler
    void on(CampaignCreated event) {
        campaignId = event.campaignId();
        status = CampaignStatus.DRAFT;
    }

    @EventSourcingHandler
    void on(CampaignLaunched event) {
        status = CampaignStatus.ACTIVE;
    }

    private static Money validBudget(Money budget) {
        Check.present(budget, "budget");
        BigDecimal amount = Check.present(budget.amount(), "budget.amount");
        if (amount.signum() < 0) {
            throw new CommandRejected(VALIDATION, "budget.amount must not be negative, was " + amount);
        }
        String currency = Check.notBlank(budget.currency(), "budget.currency").toUpperCase(Locale.ROOT);
        try {
            Currency.getInstance(currency);
        } catch (IllegalArgumentException unknown) {
            throw new CommandRejected(VALIDATION, "budget.currency '" + currency + "' is not an ISO 4217 code");
        }
        return new Money(amount, currency);
    }
}
