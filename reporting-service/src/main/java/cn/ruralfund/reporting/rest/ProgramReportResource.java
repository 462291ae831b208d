package cn.ruralfund.reporting.rest;

import cn.ruralfund.platform.problem.ProblemException;
import cn.ruralfund.platform.security.Caller;
import cn.ruralfund.platform.security.Roles;
import cn.ruralfund.reporting.readmodel.DirectionSummary;
import cn.ruralfund.reporting.readmodel.ProgramSummary;
import cn.ruralfund.reporting.readmodel.TimelineEntry;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Program figures for officials and auditors, read from the events of the other services. */
@Path("/programs")
@RolesAllowed({Roles.COMMERCE_OFFICE, Roles.FINANCE, Roles.LEADING_GROUP, Roles.AUDITOR})
public class ProgramReportResource {

    private final Caller caller;

    ProgramReportResource(Caller caller) {
        this.caller = caller;
    }

    public record ProgramReport(UUID programId, String county, int year, String name, BigDecimal allotted,
                                List<DirectionReport> directions) {
    }

    public record DirectionReport(UUID directionId, String name, BigDecimal allocation) {
    }

    public record TimelineLine(OffsetDateTime at, String type, String summary) {
    }

    @GET
    @WithSession
    public Uni<List<ProgramReport>> list() {
        return ProgramSummary.<ProgramSummary>listAll()
                .chain(programs -> DirectionSummary.<DirectionSummary>listAll()
                        .map(directions -> programs.stream().filter(p -> caller.oversees(p.county)).map(p -> report(p, directions)).toList()));
    }

    @GET
    @Path("{id}")
    @WithSession
    public Uni<ProgramReport> get(@PathParam("id") UUID id) {
        return ProgramSummary.<ProgramSummary>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("program", id))
                .chain(p -> DirectionSummary.<DirectionSummary>list("programId", id).map(directions -> report(p, directions)));
    }

    @GET
    @Path("{id}/timeline")
    @WithSession
    public Uni<List<TimelineLine>> timeline(@PathParam("id") UUID id) {
        return ProgramSummary.<ProgramSummary>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("program", id))
                .chain(() -> TimelineEntry.<TimelineEntry>list("programId = ?1 order by occurredAt, id", id))
                .map(entries -> entries.stream().map(e -> new TimelineLine(e.occurredAt, e.eventType, e.summary)).toList());
    }

    private static ProgramReport report(ProgramSummary p, List<DirectionSummary> directions) {
        return new ProgramReport(p.programId, p.county, p.year, p.name, p.allotted,
                directions.stream().filter(d -> d.programId.equals(p.programId))
                        .map(d -> new DirectionReport(d.directionId, d.name, d.allocation)).toList());
    }
}
