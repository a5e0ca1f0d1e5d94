package io.mms.benchmarks;

import io.mms.projections.campaign.CampaignSummaries;
import io.mms.projections.campaign.CampaignSummary;
import io.mms.projections.customer.CustomerProfile;
import io.mms.projections.customer.CustomerProfiles;
import io.mms.projections.performance.CampaignPerformance;
import io.mms.projections.performance.CampaignPerformances;
import io.mms.projections.support.Page;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/**
 * The baseline of B5: plain Spring MVC endpoints in the same JVM and web server as GraphQL,
 * answering the same pages from the same readers as JSON. What GraphQL costs on top of this
 * is what B5 reports.
 */
@RestController
class RestBaseline {

    static final String CUSTOMERS = "/benchmark-baseline/customers?first=";
    static final String CAMPAIGNS = "/benchmark-baseline/campaigns?first=";

    private final CustomerProfiles customers;
    private final CampaignSummaries campaigns;
    private final CampaignPerformances performances;

    RestBaseline(CustomerProfiles customers, CampaignSummaries campaigns, CampaignPerformances performances) {
        this.customers = customers;
        this.campaigns = campaigns;
        this.performances = performances;
    }

    /** A campaign with its performance and cursor, as the GraphQL query of B5 asks for them. */
    record CampaignWithPerformance(CampaignSummary campaign, CampaignPerformance performance, String cursor) {
    }

    @GetMapping("/benchmark-baseline/customers")
    Page<CustomerProfile> customers(@RequestParam int first) {
        return customers.page(first, null);
    }

    @GetMapping("/benchmark-baseline/campaigns")
    List<CampaignWithPerformance> campaigns(@RequestParam int first) {
        List<Page.Item<CampaignSummary>> page = campaigns.page(null, first, null).items();
        Map<String, CampaignPerformance> byId = performances.of(page.stream().map(item -> item.node().id()).toList());
        return page.stream().map(item ->
                new CampaignWithPerformance(item.node(), byId.get(item.node().id()), item.cursor())).toList();
    }
}
