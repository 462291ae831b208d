package cn.ruralfund.reporting.rest;

import cn.ruralfund.platform.problem.ProblemException;
import cn.ruralfund.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An official of one county (辖区) sees that county's statistics only: requests addressed to another county's program,
 * brand or sales record are refused (403) before they reach a resource; the brand list is of one program the official
 * oversees; new brands are checked with {@link #check}. Callers who oversee every county, enterprises and township
 * assistants (scoped by their own claims) and anonymous calls pass without a look-up.
 */
@ApplicationScoped
public class CountyScope {

    private static final Map<String, String> COUNTY_OF = Map.of(
            "programs", "select county from program_summary where program_id = :id",
            "brands", "select p.county from brand b join program_summary p on p.program_id = b.program_id where b.id = :id",
            "sales", "select p.county from sales_record s join brand b on b.id = s.brand_id join program_summary p on p.program_id = b.program_id where s.id = :id");

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
        if (segments.size() == 1 && segments.get(0).equals("brands") && request.getMethod().equals("GET")) {
            String program = request.getUriInfo().getQueryParameters().getFirst("programId");
            if (program == null) {
                throw ProblemException.forbidden("an official of one county lists the brands of one of its programs: give programId");
            }
            return check("programs", program);
        }
        return segments.size() < 2 || !COUNTY_OF.containsKey(segments.get(0)) ? Uni.createFrom().voidItem() : check(segments.get(0), segments.get(1));
    }

    /** Refuses (403) a thing of a county the caller does not oversee; an unknown or malformed id passes (the resource answers). */
    public Uni<Void> check(String kind, Object id) {
        UUID uuid;
        try {
            uuid = id == null ? null : UUID.fromString(id.toString());
        } catch (IllegalArgumentException notAnId) {
            uuid = null;
        }
        if (caller.overseesEveryCounty() || uuid == null) {
            return Uni.createFrom().voidItem();
        }
        UUID key = uuid;
        return Panache.withSession(() -> Panache.getSession().chain(session -> session
                        .createNativeQuery(COUNTY_OF.get(kind), String.class).setParameter("id", key).getResultList()))
                .invoke(counties -> counties.stream().findFirst().ifPresent(caller::checkCounty))
                .replaceWithVoid();
    }
}
