package io.mms.command.campaign.web;

import io.mms.command.campaign.CreateCampaign;
import io.mms.command.campaign.LaunchCampaign;
import io.mms.events.Money;
import io.mms.events.campaign.Channel;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

import java.math.BigDecimal;
import java.util.UUID;

@Controller
class CampaignMutations {

    private final CommandGateway commands;

    CampaignMutations(CommandGateway commands) {
        this.commands = commands;
    }

    @MutationMapping
    CampaignPayload createCampaign(@Argument CreateCampaignInput input) {
        String campaignId = UUID.randomUUID().toString();
        commands.sendAndWait(new CreateCampaign(
                campaignId, input.name(), input.channel(), input.budget().toMoney(), input.description()));
        return new CampaignPayload(campaignId);
    }

    @MutationMapping
    CampaignPayload launchCampaign(@Argument LaunchCampaignInput input) {
        commands.sendAndWait(new LaunchCampaign(input.campaignId()));
        return new CampaignPayload(input.campaignId());
    }

    record CreateCampaignInput(String name, Channel channel, MoneyInput budget, String description) {
    }

    record MoneyInput(BigDecimal amount, String currency) {

        Money toMoney() {
            return new Money(amount, currency);
        }
    }

    record LaunchCampaignInput(String campaignId) {
    }

    record CampaignPayload(String campaignId) {
    }
}
