package cn.ruralfund.project.rest;

import cn.ruralfund.platform.security.Caller;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Map;
import java.util.Set;

/** project-service's county scope (辖区): tasks, tenders, projects and notices of another county, in requests and lists. */
@Singleton // no client proxy: the platform class has no no-args constructor
public class CountyScope extends cn.ruralfund.platform.security.CountyScope {

    CountyScope(Caller caller, CurrentIdentityAssociation identity) {
        super(caller, identity, Map.of(
                "programs", "select county from program_ref where id = :id",
                "tasks", "select p.county from task t join program_ref p on p.id = t.program_id where t.id = :id",
                "tenders", "select p.county from tender d join task t on t.id = d.task_id join program_ref p on p.id = t.program_id where d.id = :id",
                "projects", "select p.county from project j join program_ref p on p.id = j.program_id where j.id = :id",
                "notices", "select p.county from notice n join project j on j.id = n.project_id join program_ref p on p.id = j.program_id where n.id = :id"),
                Map.of(
                        "tasks", "select t.id from task t join program_ref p on p.id = t.program_id where p.county = :county",
                        "tenders", "select d.id from tender d join task t on t.id = d.task_id join program_ref p on p.id = t.program_id where p.county = :county",
                        "projects", "select j.id from project j join program_ref p on p.id = j.program_id where p.county = :county",
                        "notices", "select n.id from notice n join project j on j.id = n.project_id join program_ref p on p.id = j.program_id where p.county = :county"),
                Set.of());
    }

    @ServerRequestFilter
    public Uni<Void> filter(ContainerRequestContext request) {
        return refuseOtherCounties(request);
    }
}
