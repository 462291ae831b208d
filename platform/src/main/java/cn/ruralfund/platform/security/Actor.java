package cn.ruralfund.platform.security;

import cn.ruralfund.platform.problem.ProblemException;

import java.util.HashSet;
import java.util.Set;

/**
 * Who acts, as service code needs it (it never sees the token or the REST layer): the name for the audit trail, the
 * roles, and for an undertaking enterprise its unified social credit code (it sees and acts on its own things only).
 * Scheduled work acts as a {@link #system} actor, a consumer as an {@link #event} actor.
 */
public record Actor(String name, Set<String> roles, String enterprise) {

    private static final String[] ROLES = {Roles.COMMERCE_OFFICE, Roles.FINANCE, Roles.LEADING_GROUP, Roles.ACCEPTANCE_TEAM,
            Roles.AUDITOR, Roles.ENTERPRISE, Roles.TOWNSHIP_ASSISTANT, Roles.OPERATOR};

    public static Actor of(Caller caller) {
        Set<String> roles = new HashSet<>();
        for (String r : ROLES) {
            if (caller.is(r)) {
                roles.add(r);
            }
        }
        if (roles.contains(Roles.ENTERPRISE) && !roles.contains(Roles.COMMERCE_OFFICE)) {
            String code = caller.enterprise()
                    .orElseThrow(() -> ProblemException.forbidden("the enterprise token carries no enterprise claim"));
            return new Actor(caller.name(), Set.copyOf(roles), code);
        }
        return new Actor(caller.name(), Set.copyOf(roles), null);
    }

    /** Scheduled work of the service itself, e.g. {@code system("supervision")}. */
    public static Actor system(String job) {
        return new Actor("system:" + job, Set.of(), null);
    }

    /** A consumer applying another service's event. */
    public static Actor event(String source) {
        return new Actor("event:" + source, Set.of(), null);
    }

    public boolean isEnterprise() {
        return enterprise != null;
    }

    public boolean is(String role) {
        return roles.contains(role);
    }

    /** The county's offices that see every file of a program: the commerce office, Finance and the leading group. */
    public boolean seesAll() {
        return is(Roles.COMMERCE_OFFICE) || is(Roles.FINANCE) || is(Roles.LEADING_GROUP);
    }

    /** An enterprise may only see or act on what belongs to it; other roles are checked by {@code @RolesAllowed}. */
    public void mustOwn(String ownerCreditCode, String what) {
        if (isEnterprise() && !enterprise.equals(ownerCreditCode)) {
            throw ProblemException.forbidden(what + " belongs to another enterprise");
        }
    }
}
