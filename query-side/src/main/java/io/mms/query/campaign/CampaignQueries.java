package io.mms.query.campaign;

import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import io.mms.projections.campaign.CampaignSummaries;
import io.mms.projections.campaign.CampaignSummary;
import io.mms.projections.support.InvalidPageRequest;
import io.mms.query.timetravel.PastReadModels;
import io.mms.query.web.Connection;
import io.mms.query.web.ReadYourWrites;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import java.time.Instant;

@Controller
class CampaignQueries {

    private final CampaignSummaries summaries;
    private final ReadYourWrites reads;
    private final PastReadModels past;

    CampaignQueries(CampaignSummaries summaries, ReadYourWrites reads, PastReadModels past) {
        this.summaries = summaries;
        this.reads = reads;
        this.past = past;
    }

    /**
     * As of a past instant, the campaign is replayed from its own events. Its performance is
     * counted from its customers' events, which that replay does not read, so it is refused.
     */
    @QueryMapping
    DataFetcherResult<CampaignSummary> campaign(@Argument String id, @Argument Long atLeast, @Argument Instant asOf,
                                                DataFetchingEnvironment env) {
        if (asOf != null) {
            if (env.getSelectionSet().contains("performance")) {
                throw new InvalidPageRequest("a campaign's performance cannot be asked for asOf a past instant");
            }
            return past.answer(asOf, travel -> travel.campaign(id, asOf),
                    replayed -> new CampaignSummaries(replayed).byId(id).orElse(null), env);
        }
        reads.await(CampaignSummaries.READ_MODEL, atLeast);
        return DataFetcherResult.<CampaignSummary>newResult().data(summaries.byId(id).orElse(null)).build();
    }

    @QueryMapping
    Connection<CampaignSummary> campaigns(@Argument String status, @Argument int first, @Argument String after,
                                          @Argument Long atLeast) {
        reads.await(CampaignSummaries.READ_MODEL, atLeast);
        return Connection.of(summaries.page(status, first, after));
    }
}
