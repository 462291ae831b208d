package cn.ruralfund.reporting.rest;

import cn.ruralfund.platform.problem.ProblemException;
import cn.ruralfund.reporting.service.PublicStatistics;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

/** R19: the published city-wide statistics, anonymous and read-only, for the government portal. */
@Path("/public/statistics")
@PermitAll
public class StatisticsResource {

    private final PublicStatistics statistics;

    StatisticsResource(PublicStatistics statistics) {
        this.statistics = statistics;
    }

    @GET
    public Uni<PublicStatistics.Statistics> get(@QueryParam("year") String year) {
        int y;
        try {
            y = Integer.parseInt(year == null ? "" : year.strip());
        } catch (NumberFormatException e) {
            y = -1;
        }
        if (y < 2000 || y > 2100) {
            throw ProblemException.invalid("year", "the query needs a calendar year, e.g. ?year=2021");
        }
        return statistics.of(y);
    }
}
