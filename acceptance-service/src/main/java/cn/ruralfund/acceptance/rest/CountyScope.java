package cn.ruralfund.acceptance.rest;

import cn.ruralfund.platform.security.Caller;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Map;
import java.util.Set;

/** acceptance-service's county scope (辖区): another county's projects and applications, in requests and lists. */
@Singleton // no client proxy: the platform class has no no-args constructor
public class CountyScope extends cn.ruralfund.platform.security.CountyScope {

    CountyScope(Caller caller, CurrentIdentityAssociation identity) {
        super(caller, identity, Map.of(
                "projects", "select g.county from project j join program g on g.id = j.program_id where j.id = :id",
                "applications", "select g.county from application a join project j on j.id = a.project_id join program g on g.id = j.program_id"
                        + " where a.id = :id"),
                Map.of(
                        "projects", "select j.id from project j join program g on g.id = j.program_id where g.county = :county",
                        "applications", "select a.id from application a join project j on j.id = a.project_id join program g on g.id = j.program_id"
                                + " where g.county = :county"),
                Set.of());
    }

    @ServerRequestFilter
    public Uni<Void> filter(ContainerRequestContext request) {
        return refuseOtherCounties(request);
    }
}
