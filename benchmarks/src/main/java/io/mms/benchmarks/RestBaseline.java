package io.mms.benchmarks;

import io.mms.projections.campaign.CampaignSummaries;
import io.mms.projections.campaign.CampaignSummary;
import io.mms.projections.customer.CustomerProfile;
import io.mms.projections.customer.CustomerProfiles;
import io.mms.projections.support.Page;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

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

    RestBaseline(CustomerProfiles customers, CampaignSummaries campaigns) {
        this.customers = customers;
        this.campaigns = campaigns;
    }

    @GetMapping("/benchmark-baseline/customers")
    Page<CustomerProfile> customers(@RequestParam int first) {
        return customers.page(first, null);
    }

    @GetMapping("/benchmark-baseline/campaigns")
    Page<CampaignSummary> campaigns(@RequestParam int first) {
        return campaigns.page(null, first, null);
    }
}
