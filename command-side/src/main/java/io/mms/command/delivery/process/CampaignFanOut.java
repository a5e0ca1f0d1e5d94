package io.mms.command.delivery.process;

import io.mms.command.customer.CustomerDirectory;
import io.mms.command.delivery.DeliverCampaignMessage;
import io.mms.events.campaign.CampaignLaunched;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * When a campaign launches, asks every customer to receive its message. Each customer decides
 * for itself (audience and consent, see {@link DeliverCampaignMessage}), so the campaign's own
 * history does not grow with its audience, and a launch processed twice sends nothing twice.
 */
@Component
@ProcessingGroup(CampaignFanOut.PROCESSOR)
class CampaignFanOut {

    static final String PROCESSOR = "campaign-delivery";

    private static final Logger log = LoggerFactory.getLogger(CampaignFanOut.class);
    private static final int PAGE = 500;

    private final CommandGateway commands;
    private final CustomerDirectory customers;
    private final EventStore eventStore;

    CampaignFanOut(CommandGateway commands, CustomerDirectory customers, EventStore eventStore) {
        this.commands = commands;
        this.customers = customers;
        this.eventStore = eventStore;
    }

    @EventHandler
    void on(CampaignLaunched launched) {
        DeliveryPlan plan = planOf(launched.campaignId());
        int considered = 0;
        int sent = 0;
        List<String> page = customers.customerIdsAfter("", PAGE);
        while (!page.isEmpty()) {
            for (String customerId : page) {
                considered++;
                sent += deliver(plan, customerId) ? 1 : 0;
            }
            page = page.size() < PAGE ? List.of() : customers.customerIdsAfter(page.get(page.size() - 1), PAGE);
        }
        log.info("Campaign {} launched: {} customers considered, {} messages sent",
                plan.campaignId(), considered, sent);
    }

    private boolean deliver(DeliveryPlan plan, String customerId) {
        Boolean sent = commands.sendAndWait(new DeliverCampaignMessage(
                customerId, plan.campaignId(), plan.channel(), plan.audience(), plan.subject(), plan.text()));
        return Boolean.TRUE.equals(sent);
    }

    private DeliveryPlan planOf(String campaignId) {
        DeliveryPlan plan = DeliveryPlan.empty(campaignId);
        var events = eventStore.readEvents(campaignId);
        while (events.hasNext()) {
            plan = plan.apply(events.next().getPayload());
        }
        return plan;
    }
}
