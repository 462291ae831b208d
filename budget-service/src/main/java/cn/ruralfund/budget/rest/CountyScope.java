package cn.ruralfund.budget.rest;

import cn.ruralfund.platform.problem.ProblemException;
import cn.ruralfund.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An official of one county (辖区) sees and acts on that county's programs only: every request addressed to a program,
 * project, disbursement or recovery order of another county is refused (403) before it reaches a resource, whatever the
 * endpoint. Callers who oversee every county, enterprises (scoped by credit code in {@code Access}) and anonymous
 * calls pass without a look-up. Lists are filtered by the resources themselves.
 */
public class CountyScope {

    /** The county that owns each kind of addressed thing, by its id in the second path segment. */
    private static final Map<String, String> COUNTY_OF = Map.of(
            "programs", "select county from program where id = :id",
            "projects", "select p.county from project_budget b join program p on p.id = b.program_id where b.project_id = :id",
            "disbursements", "select p.county from disbursement d join project_budget b on b.project_id = d.project_id"
                    + " join program p on p.id = b.program_id where d.id = :id",
            "recoveries", "select p.county from recovery_order r join project_budget b on b.project_id = r.project_id"
                    + " join program p on p.id = b.program_id where r.id = :id");

    private final Caller caller;

    CountyScope(Caller caller) {
        this.caller = caller;
    }

    @ServerRequestFilter
    public Uni<Void> refuseOtherCounties(ContainerRequestContext request) {
        if (caller.overseesEveryCounty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> segments = request.getUriInfo().getPathSegments().stream().map(s -> s.getPath()).toList();
        String kind = segments.isEmpty() ? "" : segments.get(0);
        String addressed = segments.size() > 1 ? segments.get(1) : null;
        if (segments.size() == 1 && kind.equals("projects")) { // the project list: of one program the official oversees
            kind = "programs";
            addressed = request.getUriInfo().getQueryParameters().getFirst("programId");
            if (addressed == null) {
                throw ProblemException.forbidden("an official of one county lists the projects of one of its programs: give programId");
            }
        }
        if (addressed == null || !COUNTY_OF.containsKey(kind)) {
            return Uni.createFrom().voidItem();
        }
        UUID id;
        try {
            id = UUID.fromString(addressed);
        } catch (IllegalArgumentException notAnId) {
            return Uni.createFrom().voidItem(); // the resource answers 400/404
        }
        String query = COUNTY_OF.get(kind);
        return Panache.withSession(() -> Panache.getSession().chain(session -> session
                        .createNativeQuery(query, String.class).setParameter("id", id).getResultList()))
                .invoke(counties -> counties.stream().findFirst().ifPresent(caller::checkCounty)) // unknown: the resource answers 404
                .replaceWithVoid();
    }
}
