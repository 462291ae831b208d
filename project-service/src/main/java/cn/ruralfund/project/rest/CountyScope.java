package cn.ruralfund.project.rest;

import cn.ruralfund.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * An official of one county (辖区) sees and acts on that county's programs only. Requests addressed to a task, tender,
 * project or notice of another county are refused (403) before they reach a resource; what is created names its
 * program, task or tender, checked with {@link #check}; lists keep what {@link #visible} lets through. Callers who oversee
 * every county, enterprises (scoped by credit code) and anonymous calls pass without a look-up.
 */
@ApplicationScoped
public class CountyScope {

    /** The county of each kind of thing, by its id. */
    private static final Map<String, String> COUNTY_OF = Map.of(
            "programs", "select county from program_ref where id = :id",
            "tasks", "select p.county from task t join program_ref p on p.id = t.program_id where t.id = :id",
            "tenders", "select p.county from tender d join task t on t.id = d.task_id join program_ref p on p.id = t.program_id where d.id = :id",
            "projects", "select p.county from project j join program_ref p on p.id = j.program_id where j.id = :id",
            "notices", "select p.county from notice n join project j on j.id = n.project_id join program_ref p on p.id = j.program_id where n.id = :id");

    /** The ids of each kind of thing in one county. */
    private static final Map<String, String> IN_COUNTY = Map.of(
            "tasks", "select t.id from task t join program_ref p on p.id = t.program_id where p.county = :county",
            "tenders", "select d.id from tender d join task t on t.id = d.task_id join program_ref p on p.id = t.program_id where p.county = :county",
            "projects", "select j.id from project j join program_ref p on p.id = j.program_id where p.county = :county",
            "notices", "select n.id from notice n join project j on j.id = n.project_id join program_ref p on p.id = j.program_id where p.county = :county");

    private final Caller caller;

    CountyScope(Caller caller) {
        this.caller = caller;
    }

    @ServerRequestFilter
    public Uni<Void> refuseOtherCounties(ContainerRequestContext request) {
        List<String> segments = request.getUriInfo().getPathSegments().stream().map(s -> s.getPath()).toList();
        if (segments.size() < 2 || !COUNTY_OF.containsKey(segments.get(0))) {
            return Uni.createFrom().voidItem();
        }
        try {
            return check(segments.get(0), UUID.fromString(segments.get(1)));
        } catch (IllegalArgumentException notAnId) {
            return Uni.createFrom().voidItem(); // the resource answers 400/404
        }
    }

    /** Refuses (403) a thing of a county the caller does not oversee; an unknown id passes (the service answers 404). */
    public Uni<Void> check(String kind, UUID id) {
        if (caller.overseesEveryCounty() || id == null) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withSession(() -> Panache.getSession().chain(session -> session
                        .createNativeQuery(COUNTY_OF.get(kind), String.class).setParameter("id", id).getResultList()))
                .invoke(counties -> counties.stream().findFirst().ifPresent(caller::checkCounty))
                .replaceWithVoid();
    }

    /** Which ids of a kind of thing the caller may see in a list. */
    public Uni<Predicate<UUID>> visible(String kind) {
        if (caller.overseesEveryCounty()) {
            return Uni.createFrom().item(id -> true);
        }
        String county = caller.county().orElse("");
        return Panache.withSession(() -> Panache.getSession().chain(session -> session
                        .createNativeQuery(IN_COUNTY.get(kind), UUID.class).setParameter("county", county).getResultList()))
                .map(ids -> new HashSet<>(ids)::contains);
    }
}
