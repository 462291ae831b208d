package cn.ruralfund.budget.rest;

import cn.ruralfund.platform.security.Caller;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Map;
import java.util.Set;

/**
 * budget-service's county scope (辖区): programs, projects, disbursements and recovery orders of another county are
 * refused to an official of one county; the project list is of one program.
 */
@Singleton // no client proxy: the platform class has no no-args constructor
public class CountyScope extends cn.ruralfund.platform.security.CountyScope {

    CountyScope(Caller caller, CurrentIdentityAssociation identity) {
        super(caller, identity, Map.of(
                "programs", "select county from program where id = :id",
                "projects", "select p.county from project_budget b join program p on p.id = b.program_id where b.project_id = :id",
                "disbursements", "select p.county from disbursement d join project_budget b on b.project_id = d.project_id"
                        + " join program p on p.id = b.program_id where d.id = :id",
                "recoveries", "select p.county from recovery_order r join project_budget b on b.project_id = r.project_id"
                        + " join program p on p.id = b.program_id where r.id = :id"), Map.of(), Set.of("projects"));
    }

    @ServerRequestFilter
    public Uni<Void> filter(ContainerRequestContext request) {
        return refuseOtherCounties(request);
    }
}
