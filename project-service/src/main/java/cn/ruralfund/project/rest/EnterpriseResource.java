package cn.ruralfund.project.rest;

import cn.ruralfund.project.service.Requests;
import cn.ruralfund.platform.audit.AuditEntry;
import cn.ruralfund.platform.audit.AuditTrail;
import cn.ruralfund.platform.security.Caller;
import cn.ruralfund.platform.security.Roles;
import cn.ruralfund.project.rest.Views.EnterpriseView;
import cn.ruralfund.platform.security.Actor;
import cn.ruralfund.project.service.EnterpriseService;
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

/** Undertaking enterprises (承办企业, F5): registered by the office; an enterprise sees only itself. */
@Consumes(MediaType.APPLICATION_JSON)
@Path("/enterprises")
public class EnterpriseResource {

    private final EnterpriseService enterprises;
    private final AuditTrail audit;
    private final Caller caller;

    EnterpriseResource(EnterpriseService enterprises, AuditTrail audit, Caller caller) {
        this.enterprises = enterprises;
        this.audit = audit;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.COMMERCE_OFFICE)
    public Uni<RestResponse<EnterpriseView>> register(@Valid @NotNull Requests.RegisterEnterprise request, @Context UriInfo uri) {
        return enterprises.register(request, Actor.of(caller))
                .map(e -> RestResponse.ResponseBuilder.<EnterpriseView>created(uri.getAbsolutePathBuilder().path(e.id.toString()).build())
                        .entity(EnterpriseView.of(e)).type(MediaType.APPLICATION_JSON).build());
    }

    @GET
    @RolesAllowed({Roles.COMMERCE_OFFICE, Roles.FINANCE, Roles.LEADING_GROUP, Roles.ACCEPTANCE_TEAM, Roles.AUDITOR, Roles.ENTERPRISE})
    public Uni<List<EnterpriseView>> list() {
        return enterprises.list(Actor.of(caller)).map(list -> list.stream().map(EnterpriseView::of).toList());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.COMMERCE_OFFICE, Roles.FINANCE, Roles.LEADING_GROUP, Roles.ACCEPTANCE_TEAM, Roles.AUDITOR, Roles.ENTERPRISE})
    public Uni<EnterpriseView> get(@PathParam("id") UUID id) {
        return enterprises.find(id, Actor.of(caller)).map(EnterpriseView::of);
    }

    @GET
    @Path("{id}/history")
    @RolesAllowed({Roles.COMMERCE_OFFICE, Roles.FINANCE, Roles.LEADING_GROUP, Roles.AUDITOR, Roles.ENTERPRISE})
    @WithSession
    public Uni<List<AuditEntry>> history(@PathParam("id") UUID id) {
        Actor actor = Actor.of(caller);
        return EnterpriseService.get(id).invoke(e -> actor.mustOwn(e.creditCode, "enterprise " + id)).chain(() -> audit.history("enterprise", id));
    }
}
