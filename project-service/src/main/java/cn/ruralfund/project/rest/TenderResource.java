package cn.ruralfund.project.rest;

import cn.ruralfund.project.service.Requests;
import cn.ruralfund.platform.audit.AuditEntry;
import cn.ruralfund.platform.audit.AuditTrail;
import cn.ruralfund.platform.security.Caller;
import cn.ruralfund.platform.security.Roles;
import cn.ruralfund.project.rest.Views.BidView;
import cn.ruralfund.project.rest.Views.TenderView;
import cn.ruralfund.platform.security.Actor;
import cn.ruralfund.project.service.TenderService;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;
import java.util.UUID;

/** Public tenders (招标), bids and awards (F5); the award is published (R17). */
@Consumes(MediaType.APPLICATION_JSON)
@Path("/tenders")
public class TenderResource {

    private final TenderService tenders;
    private final AuditTrail audit;
    private final Caller caller;
    private final CountyScope county;

    TenderResource(TenderService tenders, AuditTrail audit, Caller caller, CountyScope county) {
        this.tenders = tenders;
        this.audit = audit;
        this.caller = caller;
        this.county = county;
    }

    @POST
    @RolesAllowed(Roles.COMMERCE_OFFICE)
    public Uni<RestResponse<TenderView>> open(@Valid @NotNull Requests.OpenTender request, @Context UriInfo uri) {
        return county.check("tasks", request.taskId()).chain(() -> tenders.open(request, Actor.of(caller)))
                .map(t -> RestResponse.ResponseBuilder.<TenderView>created(uri.getAbsolutePathBuilder().path(t.id.toString()).build())
                        .entity(TenderView.of(t, List.of())).type(MediaType.APPLICATION_JSON).build());
    }

    @GET
    @RolesAllowed({Roles.COMMERCE_OFFICE, Roles.FINANCE, Roles.LEADING_GROUP, Roles.ACCEPTANCE_TEAM, Roles.AUDITOR, Roles.ENTERPRISE})
    public Uni<List<TenderView>> list() {
        return county.visible("tenders").chain(visible -> tenders.list()
                .map(list -> list.stream().filter(t -> visible.test(t.id)).map(t -> TenderView.of(t, List.of())).toList()));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.COMMERCE_OFFICE, Roles.FINANCE, Roles.LEADING_GROUP, Roles.ACCEPTANCE_TEAM, Roles.AUDITOR})
    public Uni<TenderView> get(@PathParam("id") UUID id) {
        return tenders.find(id).map(t -> TenderView.of(t.tender(), t.bids()));
    }

    /** The office records a bid, or an enterprise bids for itself. */
    @POST
    @Path("{id}/bids")
    @RolesAllowed({Roles.COMMERCE_OFFICE, Roles.ENTERPRISE})
    public Uni<RestResponse<BidView>> bid(@PathParam("id") UUID id, @Valid @NotNull Requests.SubmitBid request) {
        return tenders.bid(id, request, Actor.of(caller))
                .map(b -> RestResponse.ResponseBuilder.<BidView>create(RestResponse.Status.CREATED).entity(BidView.of(b))
                        .type(MediaType.APPLICATION_JSON).build());
    }

    @POST
    @Path("{id}/award")
    @RolesAllowed(Roles.COMMERCE_OFFICE)
    public Uni<TenderView> award(@PathParam("id") UUID id, @Valid @NotNull Requests.AwardTender request) {
        return tenders.award(id, request, Actor.of(caller)).map(t -> TenderView.of(t.tender(), t.bids()));
    }

    @GET
    @Path("{id}/history")
    @RolesAllowed({Roles.COMMERCE_OFFICE, Roles.FINANCE, Roles.LEADING_GROUP, Roles.AUDITOR})
    @WithSession
    public Uni<List<AuditEntry>> history(@PathParam("id") UUID id) {
        return TenderService.get(id).chain(() -> audit.history("tender", id));
    }
}
