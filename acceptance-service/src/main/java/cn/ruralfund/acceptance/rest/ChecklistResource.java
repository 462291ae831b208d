package cn.ruralfund.acceptance.rest;

import cn.ruralfund.acceptance.domain.ChecklistItem;
import cn.ruralfund.platform.security.Actor;
import cn.ruralfund.acceptance.service.ChecklistService;
import cn.ruralfund.acceptance.service.Commands;
import cn.ruralfund.platform.security.Caller;
import cn.ruralfund.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** The material checklist per task category (the task named by project-service; {@code *} is the default list). */
@Path("/checklists")
@Produces(MediaType.APPLICATION_JSON)
public class ChecklistResource {

    private final ChecklistService checklists;
    private final Caller caller;

    ChecklistResource(ChecklistService checklists, Caller caller) {
        this.checklists = checklists;
        this.caller = caller;
    }

    @GET
    @Path("{task}")
    @RolesAllowed({Roles.COMMERCE_OFFICE, Roles.FINANCE, Roles.LEADING_GROUP, Roles.ACCEPTANCE_TEAM, Roles.AUDITOR, Roles.ENTERPRISE})
    public Uni<List<ChecklistItem>> get(@PathParam("task") String task) {
        return checklists.get(task);
    }

    @PUT
    @Path("{task}")
    @RolesAllowed(Roles.COMMERCE_OFFICE)
    public Uni<List<ChecklistItem>> set(@PathParam("task") String task, @Valid @NotNull Commands.SetChecklist request) {
        return checklists.set(task, request, Actor.of(caller));
    }
}
