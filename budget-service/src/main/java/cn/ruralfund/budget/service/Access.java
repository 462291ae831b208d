package cn.ruralfund.budget.service;

import cn.ruralfund.budget.domain.ProjectBudget;
import cn.ruralfund.platform.problem.ProblemException;
import cn.ruralfund.platform.security.Caller;
import cn.ruralfund.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** Who may see a project's money: the offices of the county, and the project's own enterprise (by its credit code) only. */
@ApplicationScoped
public class Access {

    private final Caller caller;

    Access(Caller caller) {
        this.caller = caller;
    }

    public Uni<ProjectBudget> project(UUID projectId) {
        return ProjectBudget.<ProjectBudget>findById(projectId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("project", projectId))
                .invoke(this::check);
    }

    public void check(ProjectBudget p) {
        checkEnterprise(p.enterpriseCode);
    }

    public void checkEnterprise(String creditCode) {
        if (caller.is(Roles.ENTERPRISE) && !caller.enterprise().map(creditCode::equals).orElse(false)) {
            throw ProblemException.forbidden("an enterprise sees its own projects' money only");
        }
    }
}
