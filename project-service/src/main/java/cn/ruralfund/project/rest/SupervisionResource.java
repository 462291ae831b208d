package cn.ruralfund.project.rest;

import cn.ruralfund.platform.security.Roles;
import cn.ruralfund.project.service.SupervisionService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/** Runs the progress supervision (R12 deviations, notice deadlines) now, as the schedule would. */
@Consumes(MediaType.APPLICATION_JSON)
@Path("/supervision/checks")
public class SupervisionResource {

    private final SupervisionService supervision;

    SupervisionResource(SupervisionService supervision) {
        this.supervision = supervision;
    }

    @POST
    @Consumes(MediaType.WILDCARD) // no body
    @RolesAllowed(Roles.COMMERCE_OFFICE)
    public Uni<SupervisionService.CheckResult> run() {
        return supervision.runChecks();
    }
}
