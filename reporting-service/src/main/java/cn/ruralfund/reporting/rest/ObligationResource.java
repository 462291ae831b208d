package cn.ruralfund.reporting.rest;

import cn.ruralfund.platform.security.Caller;
import cn.ruralfund.platform.security.Roles;
import cn.ruralfund.reporting.domain.ReportingObligation;
import cn.ruralfund.reporting.service.Obligations;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;
import java.util.Map;

/** R16: who owes which monthly sales report; a missed due date publishes report-overdue. */
@Path("/reporting-obligations")
@RolesAllowed(Roles.COMMERCE_OFFICE)
public class ObligationResource {

    private final Obligations obligations;
    private final Caller caller;

    ObligationResource(Obligations obligations, Caller caller) {
        this.obligations = obligations;
        this.caller = caller;
    }

    @POST
    public Uni<RestResponse<ReportingObligation>> create(@Valid @NotNull Requests.NewObligation request) {
        return obligations.create(request.enterpriseCreditCode(), request.township(), request.firstPeriod(), request.lastPeriod(),
                request.dueDay(), caller.name()).map(o -> RestResponse.status(RestResponse.Status.CREATED, o));
    }

    @GET
    public Uni<List<ReportingObligation>> list() {
        return obligations.list();
    }

    /** Runs the overdue check now (it also runs on a schedule); answers how many reports were found overdue. */
    @POST
    @Path("check")
    public Uni<Map<String, Integer>> check() {
        return obligations.check().map(n -> Map.of("published", n));
    }
}
