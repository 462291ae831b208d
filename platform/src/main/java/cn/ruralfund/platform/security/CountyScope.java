package cn.ruralfund.platform.security;

import cn.ruralfund.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ContainerRequestContext;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * An official of one county (辖区) sees and acts on that county's programs only. A service names, in its own subclass,
 * the things its paths address ({@code /projects/{id}/...}: kind {@code projects}) with the query that finds the county
 * of one of them, and calls {@link #refuseOtherCounties} from a {@code @ServerRequestFilter}: a request addressed to
 * another county's thing is refused (403) before it reaches a resource, whatever the endpoint. What is created names its
 * parent, checked with {@link #check}; lists keep what {@link #visible} lets through, or, for a list that is of one
 * program, the filter asks for {@code ?programId=}. Callers who oversee every county, enterprises and township assistants
 * (scoped by their own claims) and anonymous calls pass without a look-up.
 */
public abstract class CountyScope {

    private final Caller caller;
    private final CurrentIdentityAssociation identity;
    private final Map<String, String> countyOf;
    private final Map<String, String> inCounty;
    private final Set<String> listsOfOneProgram;

    /**
     * @param countyOf          per kind, a native query of the thing's county, with parameter {@code :id}
     * @param inCounty          per kind, a native query of the ids of such things in a county, with parameter {@code :county}
     * @param listsOfOneProgram the kinds whose list (GET on the bare path) a county's official asks for one program
     *                          (?programId=), checked as kind {@code programs}
     */
    protected CountyScope(Caller caller, CurrentIdentityAssociation identity, Map<String, String> countyOf, Map<String, String> inCounty,
                          Set<String> listsOfOneProgram) {
        this.caller = caller;
        this.identity = identity;
        this.countyOf = countyOf;
        this.inCounty = inCounty;
        this.listsOfOneProgram = listsOfOneProgram;
    }

    /**
     * For the service's {@code @ServerRequestFilter}. Authentication is lazy (public endpoints never resolve a token), so
     * the caller is read only for an addressed path, once its identity is resolved without blocking the event loop.
     */
    protected Uni<Void> refuseOtherCounties(ContainerRequestContext request) {
        List<String> segments = request.getUriInfo().getPathSegments().stream().map(s -> s.getPath()).toList();
        if (segments.size() == 1 && listsOfOneProgram.contains(segments.get(0)) && request.getMethod().equals("GET")) {
            String program = request.getUriInfo().getQueryParameters().getFirst("programId");
            return identity.getDeferredIdentity().chain(() -> {
                if (program == null && !caller.overseesEveryCounty()) {
                    throw ProblemException.forbidden("an official of one county lists the " + segments.get(0) + " of one of its programs: give programId");
                }
                return check("programs", program);
            });
        }
        if (segments.size() < 2 || !countyOf.containsKey(segments.get(0))) {
            return Uni.createFrom().voidItem();
        }
        return identity.getDeferredIdentity().chain(() -> check(segments.get(0), segments.get(1)));
    }

    /** Refuses (403) a thing of a county the caller does not oversee; an unknown or malformed id passes (the service answers 400/404). */
    public Uni<Void> check(String kind, Object id) {
        UUID uuid = id == null ? null : uuid(id.toString());
        if (caller.overseesEveryCounty() || uuid == null) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withSession(() -> Panache.getSession().chain(session -> session
                        .createNativeQuery(countyOf.get(kind), String.class).setParameter("id", uuid).getResultList()))
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
                        .createNativeQuery(inCounty.get(kind), UUID.class).setParameter("county", county).getResultList()))
                .map(ids -> new HashSet<>(ids)::contains);
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }
}
