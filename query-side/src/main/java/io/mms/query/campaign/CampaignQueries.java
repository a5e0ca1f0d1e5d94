package io.mms.query.campaign;

import io.mms.projections.campaign.CampaignSummaries;
import io.mms.projections.campaign.CampaignSummary;
import io.mms.query.web.Connection;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class CampaignQueries {

    private final CampaignSummaries summaries;

    CampaignQueries(CampaignSummaries summaries) {
        this.summaries = summaries;
    }

    @QueryMapping
    CampaignSummary campaign(@Argument String id) {
        return summaries.byId(id).orElse(null);
    }

    @QueryMapping
    Connection<CampaignSummary> campaigns(@Argument String status, @Argument int first, @Argument String after) {
        return Connection.of(summaries.page(status, first, after));
    }
}
