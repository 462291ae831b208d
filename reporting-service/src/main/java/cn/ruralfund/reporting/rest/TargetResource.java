package cn.ruralfund.reporting.rest;

import cn.ruralfund.platform.security.Caller;
import cn.ruralfund.platform.security.Roles;
import cn.ruralfund.reporting.domain.TargetIndicator;
import cn.ruralfund.reporting.service.Evaluation;
import cn.ruralfund.reporting.service.EvaluationExport;
import cn.ruralfund.reporting.service.IndicatorEntries;
import cn.ruralfund.reporting.service.SalesFigures;
import cn.ruralfund.reporting.service.TargetTable;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A program's performance target table (绩效目标表) and its evaluation, as JSON, XLSX and CSV (项目支出绩效自评表). */
@Path("/programs/{id}")
@Consumes(MediaType.APPLICATION_JSON) // another content type is a problem+json 415, not the framework's bare 400
@RolesAllowed({Roles.COMMERCE_OFFICE, Roles.FINANCE, Roles.LEADING_GROUP, Roles.AUDITOR})
public class TargetResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final TargetTable targets;
    private final SalesFigures figures;
    private final Evaluation evaluation;
    private final Caller caller;
    private final IndicatorEntries entries;

    TargetResource(TargetTable targets, SalesFigures figures, Evaluation evaluation, Caller caller, IndicatorEntries entries) {
        this.entries = entries;
        this.targets = targets;
        this.figures = figures;
        this.evaluation = evaluation;
        this.caller = caller;
    }

    @GET
    @Path("targets")
    public Uni<List<TargetIndicator>> targets(@PathParam("id") UUID id) {
        return targets.rows(id);
    }

    @POST
    @Path("targets")
    @RolesAllowed(Roles.COMMERCE_OFFICE)
    public Uni<RestResponse<TargetIndicator>> add(@PathParam("id") UUID id, @NotNull TargetTable.Row row) {
        return targets.add(id, row, caller.name()).map(i -> RestResponse.status(RestResponse.Status.CREATED, i));
    }

    /** Edits a row: the fields given replace the row's; a manual value with its evidence, a deviation explanation. */
    @PUT
    @Path("targets/{code}")
    @RolesAllowed(Roles.COMMERCE_OFFICE)
    public Uni<TargetIndicator> edit(@PathParam("id") UUID id, @PathParam("code") String code, @NotNull TargetTable.Row row) {
        return targets.edit(id, code, row, caller.name());
    }

    /** The evidenced entries of an EVIDENCED_ENTRIES indicator (T4, T5, T8, T9), withdrawn ones included and marked. */
    @GET
    @Path("targets/{code}/entries")
    public Uni<List<IndicatorEntries.Entry>> entries(@PathParam("id") UUID id, @PathParam("code") String code) {
        return entries.list(id, code);
    }

    @POST
    @Path("targets/{code}/entries")
    @RolesAllowed(Roles.COMMERCE_OFFICE)
    public Uni<RestResponse<IndicatorEntries.Entry>> addEntry(@PathParam("id") UUID id, @PathParam("code") String code,
                                                              @NotNull @Valid Requests.NewEntry entry) {
        return entries.add(id, code, entry.item(), entry.occurredOn(), entry.evidence(), caller.name())
                .map(e -> RestResponse.status(RestResponse.Status.CREATED, e));
    }

    /** Withdraws a mistaken entry: it stops counting and stays listed with who withdrew it and why. */
    @POST
    @Path("targets/{code}/entries/{entry}/withdrawal")
    @RolesAllowed(Roles.COMMERCE_OFFICE)
    public Uni<RestResponse<Void>> withdraw(@PathParam("id") UUID id, @PathParam("code") String code, @PathParam("entry") UUID entry,
                                            @NotNull @Valid Requests.Withdrawal withdrawal) {
        return entries.withdraw(id, code, entry, withdrawal.reason(), caller.name()).map(v -> RestResponse.noContent());
    }

    /** T3: the program's brands whose online sales in calendar {@code year} reached {@code threshold} (default ¥10,000,000.00). */
    @GET
    @Path("brands-over-threshold")
    public Uni<Map<String, Object>> overThreshold(@PathParam("id") UUID programId, @QueryParam("year") String yearText,
                                                  @QueryParam("threshold") String thresholdText) {
        int year;
        BigDecimal line;
        try {
            year = Integer.parseInt(yearText == null ? "" : yearText.strip());
            line = thresholdText == null ? SalesFigures.T3_THRESHOLD : new BigDecimal(thresholdText.strip());
        } catch (NumberFormatException e) {
            throw cn.ruralfund.platform.problem.ProblemException.invalid("query", "the query needs year=yyyy and optionally threshold=<yuan>");
        }
        if (line.signum() <= 0 || line.stripTrailingZeros().scale() > 2) {
            throw cn.ruralfund.platform.problem.ProblemException.invalid("threshold", "a threshold is a positive amount in yuan, exact to the fen");
        }
        return figures.overThreshold(programId, year, line)
                .map(list -> Map.of("year", year, "threshold", line.setScale(2), "count", list.size(), "brands", list));
    }

    @GET
    @Path("evaluation")
    public Uni<Evaluation.Report> evaluation(@PathParam("id") UUID id) {
        return evaluation.evaluate(id);
    }

    @GET
    @Path("evaluation.xlsx")
    @Produces(XLSX)
    public Uni<RestResponse<byte[]>> xlsx(@PathParam("id") UUID id) {
        return evaluation.evaluate(id).map(r -> RestResponse.ResponseBuilder.ok(EvaluationExport.xlsx(r), XLSX)
                .header("Content-Disposition", "attachment; filename=\"self-evaluation-" + id + ".xlsx\"").build());
    }

    @GET
    @Path("evaluation.csv")
    @Produces("text/csv")
    public Uni<RestResponse<byte[]>> csv(@PathParam("id") UUID id) {
        return evaluation.evaluate(id).map(r -> RestResponse.ResponseBuilder
                .ok(("\uFEFF" + EvaluationExport.csv(r)).getBytes(StandardCharsets.UTF_8), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"self-evaluation-" + id + ".csv\"").build());
    }
}
