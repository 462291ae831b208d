package cn.ruralfund.budget.rest;

import cn.ruralfund.budget.service.CreateProgram;
import cn.ruralfund.budget.service.ProgramService;
import cn.ruralfund.platform.audit.AuditEntry;
import cn.ruralfund.platform.audit.AuditTrail;
import cn.ruralfund.platform.security.Caller;
import cn.ruralfund.platform.security.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;
import java.util.UUID;

/** Programs (专项资金) and their allocation tables, for the e-commerce office, Finance, the leading group and auditors. */
@Consumes(MediaType.APPLICATION_JSON)
@Path("/programs")
public class ProgramResource {

    private final ProgramService programs;
    private final AuditTrail audit;
    private final Caller caller;
    private final cn.ruralfund.budget.service.BalanceService balances;
    private final cn.ruralfund.budget.service.AllocationService allocations;

    ProgramResource(ProgramService programs, AuditTrail audit, Caller caller,
                    cn.ruralfund.budget.service.BalanceService balances, cn.ruralfund.budget.service.AllocationService allocations) {
        this.programs = programs;
        this.balances = balances;
        this.allocations = allocations;
        this.audit = audit;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.COMMERCE_OFFICE)
    public Uni<RestResponse<ProgramView>> create(@Valid @NotNull CreateProgram request, @Context UriInfo uri) {
        caller.checkCounty(request.county().strip());
        return programs.create(request, caller.name())
                .map(p -> RestResponse.ResponseBuilder.<ProgramView>created(uri.getAbsolutePathBuilder().path(p.id.toString()).build())
                        .entity(ProgramView.of(p)).type(MediaType.APPLICATION_JSON).build());
    }

    @GET
    @RolesAllowed({Roles.COMMERCE_OFFICE, Roles.FINANCE, Roles.LEADING_GROUP, Roles.AUDITOR})
    public Uni<List<ProgramView>> list() {
        return programs.list().map(list -> list.stream().filter(p -> caller.oversees(p.county)).map(ProgramView::of).toList());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.COMMERCE_OFFICE, Roles.FINANCE, Roles.LEADING_GROUP, Roles.AUDITOR})
    public Uni<ProgramView> get(@PathParam("id") UUID id) {
        return programs.find(id).map(ProgramView::of);
    }

    /** The archive of the program (R6): who did what, when and why. */
    @GET
    @Path("{id}/history")
    @RolesAllowed({Roles.COMMERCE_OFFICE, Roles.FINANCE, Roles.LEADING_GROUP, Roles.AUDITOR})
    @WithSession
    public Uni<List<AuditEntry>> history(@PathParam("id") UUID id) {
        return programs.find(id).chain(() -> audit.history("program", id));
    }

    /** Balances of the program and each direction, from the ledger, with the fund execution rate (T10). */
    @GET
    @Path("{id}/balances")
    @RolesAllowed({Roles.COMMERCE_OFFICE, Roles.FINANCE, Roles.LEADING_GROUP, Roles.AUDITOR})
    public Uni<Views.ProgramBalances> programBalances(@PathParam("id") UUID id) {
        return balances.program(id).map(Views.ProgramBalances::of);
    }

    @GET
    @Path("{id}/ledger")
    @RolesAllowed({Roles.COMMERCE_OFFICE, Roles.FINANCE, Roles.LEADING_GROUP, Roles.AUDITOR})
    public Uni<List<cn.ruralfund.budget.domain.LedgerEntry>> programLedger(@PathParam("id") UUID id) {
        return balances.programEntries(id);
    }

    /** A direction's allocation (附件4) changes: never below its commitments, never past the program total. */
    @PUT
    @Path("{id}/directions/{directionId}/allocation")
    @RolesAllowed(Roles.COMMERCE_OFFICE)
    public Uni<cn.ruralfund.platform.contracts.AllocationSetV1> setAllocation(@PathParam("id") UUID id, @PathParam("directionId") UUID directionId,
                                              @Valid @NotNull Requests.SetAllocation request) {
        return allocations.set(id, directionId, request.allocation(), request.reason().strip(), caller.name());
    }

}
