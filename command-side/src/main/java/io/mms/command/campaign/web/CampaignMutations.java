package io.mms.command.campaign.web;

import io.mms.command.campaign.CancelCampaign;
import io.mms.command.campaign.ChangeCampaignDetails;
import io.mms.command.campaign.CompleteCampaign;
import io.mms.command.campaign.CreateCampaign;
import io.mms.command.campaign.DefineCampaignAudience;
import io.mms.command.campaign.LaunchCampaign;
import io.mms.command.campaign.PauseCampaign;
import io.mms.command.campaign.RecordCampaignSpend;
import io.mms.command.campaign.ResumeCampaign;
import io.mms.command.campaign.ScheduleCampaign;
import io.mms.command.web.Commands;
import io.mms.events.Money;
import io.mms.events.audience.AudienceRule;
import io.mms.events.audience.TagMatch;
import io.mms.events.campaign.Channel;
import io.mms.events.customer.LifecycleStage;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

@Controller
class CampaignMutations {

    private final Commands commands;

    CampaignMutations(Commands commands) {
        this.commands = commands;
    }

    @MutationMapping
    CampaignPayload createCampaign(@Argument CreateCampaignInput input) {
        String campaignId = UUID.randomUUID().toString();
        return send(campaignId, new CreateCampaign(
                campaignId, input.name(), input.channel(), MoneyInput.toMoney(input.budget()), input.description()));
    }

    @MutationMapping
    CampaignPayload changeCampaignDetails(@Argument ChangeCampaignDetailsInput input) {
        return send(input.campaignId(), new ChangeCampaignDetails(
                input.campaignId(), input.name(), input.description(), MoneyInput.toMoney(input.budget())));
    }

    @MutationMapping
    CampaignPayload defineCampaignAudience(@Argument DefineCampaignAudienceInput input) {
        return send(input.campaignId(), new DefineCampaignAudience(input.campaignId(), input.audience().toRule()));
    }

    @MutationMapping
    CampaignPayload scheduleCampaign(@Argument ScheduleCampaignInput input) {
        return send(input.campaignId(), new ScheduleCampaign(input.campaignId(), input.startAt(), input.endAt()));
    }

    @MutationMapping
    CampaignPayload launchCampaign(@Argument CampaignIdInput input) {
        return send(input.campaignId(), new LaunchCampaign(input.campaignId()));
    }

    @MutationMapping
    CampaignPayload pauseCampaign(@Argument CampaignIdInput input) {
        return send(input.campaignId(), new PauseCampaign(input.campaignId()));
    }

    @MutationMapping
    CampaignPayload resumeCampaign(@Argument CampaignIdInput input) {
        return send(input.campaignId(), new ResumeCampaign(input.campaignId()));
    }

    @MutationMapping
    CampaignPayload completeCampaign(@Argument CampaignIdInput input) {
        return send(input.campaignId(), new CompleteCampaign(input.campaignId()));
    }

    @MutationMapping
    CampaignPayload cancelCampaign(@Argument CampaignIdInput input) {
        return send(input.campaignId(), new CancelCampaign(input.campaignId()));
    }

    @MutationMapping
    CampaignPayload recordCampaignSpend(@Argument RecordCampaignSpendInput input) {
        return send(input.campaignId(),
                new RecordCampaignSpend(input.campaignId(), MoneyInput.toMoney(input.amount())));
    }

    private CampaignPayload send(String campaignId, Object command) {
        return new CampaignPayload(campaignId, commands.send(command));
    }

    record CreateCampaignInput(String name, Channel channel, MoneyInput budget, String description) {
    }

    record ChangeCampaignDetailsInput(String campaignId, String name, String description, MoneyInput budget) {
    }

    record DefineCampaignAudienceInput(String campaignId, AudienceRuleInput audience) {
    }

    record AudienceRuleInput(TagMatch tagMatch, List<String> tags, List<LifecycleStage> stages,
                             List<AttributeConditionInput> attributes,
                             Instant registeredAfter, Instant registeredBefore) {

        AudienceRule toRule() {
            return new AudienceRule(tagMatch, tags == null ? null : Set.copyOf(tags),
                    stages == null ? null : Set.copyOf(stages), attributeMap(), registeredAfter, registeredBefore);
        }

        /** A key given twice keeps its last value, as a client writing a map literal would expect. */
        private Map<String, String> attributeMap() {
            Map<String, String> map = new LinkedHashMap<>();
            if (attributes != null) {
                attributes.forEach(attribute -> map.put(attribute.key(), attribute.value()));
            }
            return map;
        }
    }

    record AttributeConditionInput(String key, String value) {
    }

    record ScheduleCampaignInput(String campaignId, Instant startAt, Instant endAt) {
    }

    record RecordCampaignSpendInput(String campaignId, MoneyInput amount) {
    }

    record MoneyInput(BigDecimal amount, String currency) {

        static Money toMoney(MoneyInput input) {
            return input == null ? null : new Money(input.amount(), input.currency());
        }
    }

    record CampaignIdInput(String campaignId) {
    }

    record CampaignPayload(String campaignId, long position) {
    }
}
