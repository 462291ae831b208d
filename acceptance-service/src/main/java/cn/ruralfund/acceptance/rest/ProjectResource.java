package cn.ruralfund.acceptance.rest;

import cn.ruralfund.acceptance.domain.Postponement;
import cn.ruralfund.acceptance.domain.Project;
import cn.ruralfund.platform.security.Actor;
import cn.ruralfund.acceptance.service.Commands;
import cn.ruralfund.acceptance.service.DeadlineService;
import cn.ruralfund.acceptance.service.ProjectDirectory;
import cn.ruralfund.platform.security.Caller;
import cn.ruralfund.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;
import java.util.UUID;

/** The projects as acceptance sees them, with their acceptance deadlines (R8) and postponements (R14). */
@Path("/projects")
@Produces(MediaType.APPLICATION_JSON)
public class ProjectResource {

    private final ProjectDirectory projects;
    private final DeadlineService deadlines;
    private final Caller caller;
    private final CountyScope county;

    ProjectResource(ProjectDirectory projects, DeadlineService deadlines, Caller caller, CountyScope county) {
        this.county = county;
        this.projects = projects;
        this.deadlines = deadlines;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.COMMERCE_OFFICE, Roles.FINANCE, Roles.LEADING_GROUP, Roles.ACCEPTANCE_TEAM, Roles.AUDITOR, Roles.ENTERPRISE})
    public Uni<List<Project>> list() {
        return county.visible("projects").chain(visible -> projects.list(Actor.of(caller))
                .map(list -> list.stream().filter(p -> visible.test(p.id)).toList()));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.COMMERCE_OFFICE, Roles.FINANCE, Roles.LEADING_GROUP, Roles.ACCEPTANCE_TEAM, Roles.AUDITOR, Roles.ENTERPRISE})
    public Uni<Project> get(@PathParam("id") UUID id) {
        return projects.find(id, Actor.of(caller));
    }

    @GET
    @Path("{id}/postponements")
    @RolesAllowed({Roles.COMMERCE_OFFICE, Roles.FINANCE, Roles.LEADING_GROUP, Roles.ACCEPTANCE_TEAM, Roles.AUDITOR, Roles.ENTERPRISE})
    public Uni<List<Postponement>> postponements(@PathParam("id") UUID id) {
        return projects.postponements(id, Actor.of(caller));
    }

    /** R14: the office postpones the acceptance (goals not fully met: faster work, later acceptance). */
    @POST
    @Path("{id}/postponements")
    @RolesAllowed(Roles.COMMERCE_OFFICE)
    public Uni<Project> postpone(@PathParam("id") UUID id, @Valid @NotNull Commands.Postpone request) {
        return projects.postpone(id, request, Actor.of(caller));
    }

    /** R8: runs the deadline check now (it also runs on a schedule); answers the projects it failed. */
    @POST
    @Path("deadline-check")
    @RolesAllowed(Roles.COMMERCE_OFFICE)
    public Uni<DeadlineService.CheckResult> checkDeadlines() {
        return deadlines.runCheck();
    }
}
