package cn.ruralfund.reporting.rest;

import cn.ruralfund.platform.security.Caller;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Map;
import java.util.Set;

/** reporting-service's county scope (辖区): another county's program statistics, brands and sales records; the brand list is of one program. */
@Singleton // no client proxy: the platform class has no no-args constructor
public class CountyScope extends cn.ruralfund.platform.security.CountyScope {

    CountyScope(Caller caller, CurrentIdentityAssociation identity) {
        super(caller, identity, Map.of(
                "programs", "select county from program_summary where program_id = :id",
                "brands", "select p.county from brand b join program_summary p on p.program_id = b.program_id where b.id = :id",
                "sales", "select p.county from sales_record s join brand b on b.id = s.brand_id join program_summary p on p.program_id = b.program_id"
                        + " where s.id = :id"), Map.of(), Set.of("brands"));
    }

    @ServerRequestFilter
    public Uni<Void> filter(ContainerRequestContext request) {
        return refuseOtherCounties(request);
    }
}
