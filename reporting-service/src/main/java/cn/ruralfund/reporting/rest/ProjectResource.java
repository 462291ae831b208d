package cn.ruralfund.reporting.rest;

import cn.ruralfund.platform.problem.ProblemException;
import cn.ruralfund.platform.security.Roles;
import cn.ruralfund.reporting.service.ProjectReadModel;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Read models of the other services' events: the program's projects by status and their publicity outcomes. */
@Path("/programs/{id}")
@RolesAllowed({Roles.COMMERCE_OFFICE, Roles.FINANCE, Roles.LEADING_GROUP, Roles.AUDITOR})
public class ProjectResource {

    private static final Set<String> STATUSES = Set.of("REGISTERED", "ACCEPTED", "ACCEPTANCE_FAILED", "DISQUALIFIED");

    private final ProjectReadModel projects;
    ProjectResource(ProjectReadModel projects) {
        this.projects = projects;
    }

    /** The program's projects with their status (optionally one status), and the count per status. */
    @GET
    @Path("projects")
    public Uni<ProjectReadModel.Projects> projects(@PathParam("id") UUID programId, @QueryParam("status") String status) {
        if (status != null && !STATUSES.contains(status)) {
            throw ProblemException.invalid("unknown-status", "status is one of " + STATUSES);
        }
        return projects.projects(programId, status);
    }

    /** The publicity windows (公示) closed on the program's projects, and whether an objection was upheld. */
    @GET
    @Path("publicity-outcomes")
    public Uni<List<ProjectReadModel.PublicityView>> publicity(@PathParam("id") UUID programId) {
        return projects.publicity(programId);
    }
}
