package cn.ruralfund.reporting.rest;

import cn.ruralfund.platform.problem.ProblemException;
import cn.ruralfund.platform.security.Caller;
import cn.ruralfund.platform.security.Roles;
import cn.ruralfund.reporting.service.ProjectReadModel;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import java.util.List;

/** Notices with a deadline (整改通知, data-reporting notices) from project-service's events, and their outcome. */
@Path("/notices")
@RolesAllowed({Roles.COMMERCE_OFFICE, Roles.FINANCE, Roles.LEADING_GROUP, Roles.AUDITOR, Roles.ENTERPRISE})
public class NoticeResource {

    private final ProjectReadModel projects;
    private final Caller caller;

    NoticeResource(ProjectReadModel projects, Caller caller) {
        this.projects = projects;
        this.caller = caller;
    }

    /**
     * Notices with a deadline (整改通知, data-reporting notices) and their outcome; an ENTERPRISE reads its own only.
     * {@code open=true}: those not yet closed.
     */
    @GET
    public Uni<List<ProjectReadModel.NoticeView>> notices(@QueryParam("enterprise") String enterprise, @QueryParam("open") String open) {
        if (open != null && !open.equals("true") && !open.equals("false")) {
            throw ProblemException.invalid("open", "open is true or false");
        }
        String who = enterprise;
        if (caller.is(Roles.ENTERPRISE)) {
            String own = caller.enterprise().orElseThrow(() -> ProblemException.forbidden("an enterprise token needs its enterprise claim"));
            if (enterprise != null && !enterprise.equals(own)) {
                throw ProblemException.forbidden("an enterprise reads its own notices only");
            }
            who = own;
        }
        return projects.notices(who, open == null ? null : Boolean.valueOf(open));
    }
}
