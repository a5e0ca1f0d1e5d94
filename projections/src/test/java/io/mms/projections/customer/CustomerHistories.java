package io.mms.projections.customer;

import io.mms.events.Money;
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
import io.mms.projections.ScriptedHistory;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Scripted customer histories that several read-model tests replay. */
public final class CustomerHistories {

    public static final Instant T = Instant.parse("2026-03-01T09:30:00Z");
    private static final Duration DAY = Duration.ofDays(1);

    private CustomerHistories() {
    }

    /**
     * Two customers; the first one (cu-1) goes through every kind of fact, 16 of them, the
     * second (cu-2) only registers.
     */
    public static ScriptedHistory fullHistory() {
        return new ScriptedHistory().then(
                registered("cu-1", T),
                registered("cu-2", T.plusSeconds(60)),
                new ConsentGranted("cu-1", Channel.EMAIL, "marketing", "signup-form", T.plus(DAY)),
                new ConsentGranted("cu-1", Channel.SMS, "marketing", "signup-form", T.plus(DAY)),
                new CustomerTagAdded("cu-1", "vip", T.plus(DAY)),
                new CustomerTagAdded("cu-1", "newsletter", T.plus(DAY)),
                new CustomerProfileUpdated("cu-1", "Ada King", "+44 20 7946 0000", "en-GB",
                        Map.of("plan", "gold", "city", "London"), T.plus(DAY.multipliedBy(2))),
                new CustomerEmailChanged("cu-1", "countess@example.com", T.plus(DAY.multipliedBy(2))),
                new ConsentWithdrawn("cu-1", Channel.SMS, "marketing", "stop-reply", T.plus(DAY.multipliedBy(3))),
                new CustomerTagRemoved("cu-1", "vip", T.plus(DAY.multipliedBy(4))),
                new CustomerStageChanged("cu-1", LifecycleStage.LEAD, LifecycleStage.CUSTOMER,
                        T.plus(DAY.multipliedBy(5))),
                sent("cu-1", T.plus(DAY.multipliedBy(6))),
                engaged("cu-1", EngagementKind.DELIVERED, T.plus(DAY.multipliedBy(6))),
                engaged("cu-1", EngagementKind.OPENED, T.plus(DAY.multipliedBy(7))),
                engaged("cu-1", EngagementKind.CLICKED, T.plus(DAY.multipliedBy(7))),
                engaged("cu-1", EngagementKind.OPENED, T.plus(DAY.multipliedBy(9))),
                engaged("cu-1", EngagementKind.CONVERTED, T.plus(DAY.multipliedBy(10))));
    }

    public static CustomerRegistered registered(String id, Instant at) {
        return new CustomerRegistered(id, id + "@example.com", "Customer " + id, at);
    }

    public static CampaignMessageSent sent(String customerId, Instant at) {
        var basis = new ConsentBasis(Channel.EMAIL, "marketing", "signup-form", at);
        return new CampaignMessageSent(customerId, "ca-1", customerId + ":ca-1", Channel.EMAIL,
                customerId + "@example.com", "Winter sale", "Everything must go", basis, at);
    }

    public static MessageEngaged engaged(String customerId, EngagementKind kind, Instant at) {
        Money revenue = kind == EngagementKind.CONVERTED ? new Money(new BigDecimal("25.00"), "EUR") : null;
        return new MessageEngaged(customerId, "ca-1", customerId + ":ca-1", kind, "provider-" + kind + at,
                at, revenue, kind == EngagementKind.CLICKED ? "https://example.com/sale" : null);
    }
}
