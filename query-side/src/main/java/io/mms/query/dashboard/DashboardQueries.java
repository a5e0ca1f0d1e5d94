package io.mms.query.dashboard;

import io.mms.projections.dashboard.DashboardDay;
import io.mms.projections.dashboard.MarketingDashboard;
import io.mms.projections.support.InvalidPageRequest;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

@Controller
class DashboardQueries {

    private final MarketingDashboard dashboard;

    DashboardQueries(MarketingDashboard dashboard) {
        this.dashboard = dashboard;
    }

    @QueryMapping
    List<DashboardDay> dashboard(@Argument String from, @Argument String to) {
        return dashboard.days(day("from", from), day("to", to));
    }

    private static LocalDate day(String name, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException malformed) {
            throw new InvalidPageRequest(name + " must be a day as YYYY-MM-DD, was '" + value + "'");
        }
    }
}
