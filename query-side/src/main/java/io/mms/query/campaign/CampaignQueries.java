package io.mms.query.campaign;

import io.mms.projections.campaign.CampaignSummaries;
import io.mms.projections.campaign.CampaignSummary;
import io.mms.query.web.Connection;
import io.mms.query.web.ReadYourWrites;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class CampaignQueries {

    private final CampaignSummaries summaries;
    private final ReadYourWrites reads;

    CampaignQueries(CampaignSummaries summaries, ReadYourWrites reads) {
        this.summaries = summaries;
        this.reads = reads;
    }

    @QueryMapping
    CampaignSummary campaign(@Argument String id, @Argument Long atLeast) {
        reads.await(CampaignSummaries.READ_MODEL, atLeast);
        return summaries.byId(id).orElse(null);
    }

    @QueryMapping
    Connection<CampaignSummary> campaigns(@Argument String status, @Argument int first, @Argument String after,
                                          @Argument Long atLeast) {
        reads.await(CampaignSummaries.READ_MODEL, atLeast);
        return Connection.of(summaries.page(status, first, after));
    }
}
