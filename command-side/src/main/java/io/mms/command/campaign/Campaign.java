package io.mms.command.campaign;

import io.mms.command.rejection.Check;
import io.mms.command.rejection.CommandRejected;
import io.mms.events.Money;
import io.mms.events.audience.AudienceRule;
import io.mms.events.campaign.CampaignAudienceDefined;
import io.mms.events.campaign.CampaignCancelled;
import io.mms.events.campaign.CampaignCompleted;
import io.mms.events.campaign.CampaignCreated;
import io.mms.events.campaign.CampaignDetailsChanged;
import io.mms.events.campaign.CampaignLaunched;
import io.mms.events.campaign.CampaignPaused;
import io.mms.events.campaign.CampaignResumed;
import io.mms.events.campaign.CampaignScheduled;
import io.mms.events.campaign.CampaignSpendRecorded;
import io.mms.events.campaign.PauseReason;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import static io.mms.command.campaign.CampaignStatus.ACTIVE;
import static io.mms.command.campaign.CampaignStatus.DRAFT;
import static io.mms.command.campaign.CampaignStatus.PAUSED;
import static io.mms.command.campaign.CampaignStatus.SCHEDULED;
import static io.mms.command.rejection.CommandRejected.Reason.CONFLICT;
import static io.mms.command.rejection.CommandRejected.Reason.VALIDATION;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A marketing campaign: decides which lifecycle steps are allowed and records them.
 *
 * <p>Transitions: a DRAFT is scheduled (SCHEDULED, and rescheduled while so) or launched by
 * hand; a SCHEDULED campaign launches by hand or by itself at its start. ACTIVE pauses (by
 * hand, or by itself when its spend reaches the budget) and PAUSED resumes. ACTIVE or PAUSED
 * completes by hand or by itself at the scheduled end. Anything but COMPLETED and CANCELLED
 * can be cancelled. Every other step is refused with {@code CONFLICT}, naming the state.
 *
 * <p>Start and end are deadlines in the durable deadline manager; each step that makes one
 * moot cancels it, and a deadline that fires for a schedule that has since changed is ignored.
 */
public class Campaign {

    @AggregateIdentifier
    private String campaignId;

    private CampaignStatus status;
    private String name;
    private String description;
    private Money budget;
    private BigDecimal spent = BigDecimal.ZERO;
    private AudienceRule audience;
    private Instant startAt;
    private Instant endAt;

    /** Axon rebuilds the aggregate from its events through this constructor. */
    protected Campaign() {
    }

    @CommandHandler
    public Campaign(CreateCampaign command) {
        String name = Check.notBlank(command.name(), "name");
        Check.present(command.channel(), "channel");
        Money budget = validBudget(command.budget());
        String description = command.description() == null ? null : command.description().strip();

        apply(new CampaignCreated(command.campaignId(), name, command.channel(), budget, description, now()));
    }

    @CommandHandler
    void handle(ChangeCampaignDetails command) {
        requireStatus("have its details changed", DRAFT, SCHEDULED, PAUSED);
        String newName = command.name() == null ? name : Check.notBlank(command.name(), "name");
        String newDescription = command.description() == null ? description : command.description().strip();
        Money newBudget = command.budget() == null ? budget : validBudget(command.budget());
        if (!newBudget.currency().equals(budget.currency()) && spent.signum() > 0) {
            throw new CommandRejected(CONFLICT, "campaign " + campaignId + " has already spent "
                    + spent + " " + budget.currency() + "; its budget's currency can no longer change");
        }

        if (!newName.equals(name) || !Objects.equals(newDescription, description) || !sameMoney(newBudget, budget)) {
            apply(new CampaignDetailsChanged(campaignId, newName, newDescription, newBudget, now()));
        }
    }

    @CommandHandler
    void handle(DefineCampaignAudience command) {
        requireStatus("have its audience defined", DRAFT, SCHEDULED);
        AudienceRule rule = Check.present(command.audience(), "audience");
        List<String> problems = rule.problems();
        if (!problems.isEmpty()) {
            throw new CommandRejected(VALIDATION, String.join("; ", problems));
        }

        if (!rule.equals(audience)) {
            apply(new CampaignAudienceDefined(campaignId, rule, now()));
        }
    }

    @CommandHandler
    void handle(ScheduleCampaign command, DeadlineManager deadlines) {
        requireStatus("be scheduled", DRAFT, SCHEDULED);
        Instant start = Check.present(command.startAt(), "startAt");
        if (!start.isAfter(now())) {
            throw new CommandRejected(VALIDATION, "startAt " + start + " must be in the future");
        }
        if (command.endAt() != null && !command.endAt().isAfter(start)) {
            throw new CommandRejected(VALIDATION, "endAt " + command.endAt() + " must be after startAt " + start);
        }
        if (status == SCHEDULED && start.equals(startAt) && Objects.equals(command.endAt(), endAt)) {
            return;
        }

        apply(new CampaignScheduled(campaignId, start, command.endAt(), now()));
        cancelDeadlines(deadlines);
        deadlines.schedule(start, CampaignDeadline.START, new CampaignDeadline(start));
        if (command.endAt() != null) {
            deadlines.schedule(command.endAt(), CampaignDeadline.END, new CampaignDeadline(command.endAt()));
        }
    }

    @CommandHandler
    void handle(LaunchCampaign command, DeadlineManager deadlines) {
        requireStatus("be launched", DRAFT, SCHEDULED);

        apply(new CampaignLaunched(campaignId, now()));
        deadlines.cancelAllWithinScope(CampaignDeadline.START);
    }

    @DeadlineHandler(deadlineName = CampaignDeadline.START)
    void onStart(CampaignDeadline deadline) {
        if (status == SCHEDULED && deadline.dueAt().equals(startAt)) {
            apply(new CampaignLaunched(campaignId, now()));
        }
    }

    @CommandHandler
    void handle(PauseCampaign command) {
        requireStatus("be paused", ACTIVE);

        apply(new CampaignPaused(campaignId, PauseReason.MANUAL, now()));
    }

    @CommandHandler
    void handle(ResumeCampaign command) {
        requireStatus("be resumed", PAUSED);
        if (budgetExhausted()) {
            throw new CommandRejected(CONFLICT, "campaign " + campaignId + " has spent " + spent + " of its budget of "
                    + budget.amount() + " " + budget.currency() + "; raise the budget before resuming it");
        }

        apply(new CampaignResumed(campaignId, now()));
    }

    @CommandHandler
    void handle(RecordCampaignSpend command) {
        requireStatus("record spend", ACTIVE, PAUSED);
        Money amount = validSpend(command.amount());
        BigDecimal total = spent.add(amount.amount());

        apply(new CampaignSpendRecorded(campaignId, amount, new Money(total, budget.currency()), now()));
        if (status == ACTIVE && budgetExhausted()) {
            apply(new CampaignPaused(campaignId, PauseReason.BUDGET_EXHAUSTED, now()));
        }
    }

    @CommandHandler
    void handle(CompleteCampaign command, DeadlineManager deadlines) {
        requireStatus("be completed", ACTIVE, PAUSED);

        apply(new CampaignCompleted(campaignId, now()));
        cancelDeadlines(deadlines);
    }

    @DeadlineHandler(deadlineName = CampaignDeadline.END)
    void onEnd(CampaignDeadline deadline) {
        if ((status == ACTIVE || status == PAUSED) && deadline.dueAt().equals(endAt)) {
            apply(new CampaignCompleted(campaignId, now()));
        }
    }

    @CommandHandler
    void handle(CancelCampaign command, DeadlineManager deadlines) {
        requireStatus("be cancelled", DRAFT, SCHEDULED, ACTIVE, PAUSED);

        apply(new CampaignCancelled(campaignId, now()));
        cancelDeadlines(deadlines);
    }

    @EventSourcingHandler
    void on(CampaignCreated event) {
        campaignId = event.campaignId();
        status = DRAFT;
        name = event.name();
        description = event.description();
        budget = event.budget();
    }

    @EventSourcingHandler
    void on(CampaignDetailsChanged event) {
        name = event.name();
        description = event.description();
        budget = event.budget();
    }

    @EventSourcingHandler
    void on(CampaignAudienceDefined event) {
        audience = event.audience();
    }

    @EventSourcingHandler
    void on(CampaignScheduled event) {
        status = SCHEDULED;
        startAt = event.startAt();
        endAt = event.endAt();
    }

    @EventSourcingHandler
    void on(CampaignLaunched event) {
        status = ACTIVE;
    }

    @EventSourcingHandler
    void on(CampaignPaused event) {
        status = PAUSED;
    }

    @EventSourcingHandler
    void on(CampaignResumed event) {
        status = ACTIVE;
    }

    @EventSourcingHandler
    void on(CampaignSpendRecorded event) {
        spent = event.totalSpent().amount();
    }

    @EventSourcingHandler
    void on(CampaignCompleted event) {
        status = CampaignStatus.COMPLETED;
    }

    @EventSourcingHandler
    void on(CampaignCancelled event) {
        status = CampaignStatus.CANCELLED;
    }

    private void requireStatus(String action, CampaignStatus... allowed) {
        if (!Arrays.asList(allowed).contains(status)) {
            throw new CommandRejected(CONFLICT, "campaign " + campaignId + " is " + status + " and can only "
                    + action + " when " + Arrays.toString(allowed));
        }
    }

    private boolean budgetExhausted() {
        return spent.compareTo(budget.amount()) >= 0;
    }

    private Money validSpend(Money amount) {
        Check.present(amount, "amount");
        BigDecimal value = Check.present(amount.amount(), "amount.amount");
        if (value.signum() <= 0) {
            throw new CommandRejected(VALIDATION, "amount.amount must be positive, was " + value);
        }
        String currency = Check.notBlank(amount.currency(), "amount.currency").toUpperCase(Locale.ROOT);
        if (!currency.equals(budget.currency())) {
            throw new CommandRejected(VALIDATION, "amount.currency " + currency
                    + " differs from the budget's currency " + budget.currency());
        }
        return new Money(value, currency);
    }

    /** Both deadlines go: a new schedule sets its own, and a finished campaign needs none. */
    private static void cancelDeadlines(DeadlineManager deadlines) {
        deadlines.cancelAllWithinScope(CampaignDeadline.START);
        deadlines.cancelAllWithinScope(CampaignDeadline.END);
    }

    /** 1500 and 1500.00 are the same budget; a change of scale alone is no change. */
    private static boolean sameMoney(Money a, Money b) {
        return a.currency().equals(b.currency()) && a.amount().compareTo(b.amount()) == 0;
    }

    private static Instant now() {
        return GenericEventMessage.clock.instant();
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
