package cn.ruralfund.acceptance.service;

import cn.ruralfund.platform.problem.ProblemException;
import cn.ruralfund.platform.security.Caller;
import cn.ruralfund.platform.security.Roles;

import java.util.Set;

/**
 * Who acts: the principal name for the audit trail, the roles that scope what they see, and for an
 * undertaking enterprise its unified social credit code (it sees and acts on its own projects only).
 */
public record Actor(String name, Set<String> roles, String enterprise) {

    public static final Actor DEADLINE_CHECK = new Actor("system:deadline-check", Set.of(), null);

    public static Actor of(Caller caller) {
        Set<String> roles = new java.util.HashSet<>();
        for (String r : new String[]{Roles.COMMERCE_OFFICE, Roles.FINANCE, Roles.LEADING_GROUP, Roles.ACCEPTANCE_TEAM,
                Roles.AUDITOR, Roles.ENTERPRISE}) {
            if (caller.is(r)) {
                roles.add(r);
            }
        }
        if (roles.contains(Roles.ENTERPRISE) && roles.size() == 1) {
            String code = caller.enterprise()
                    .orElseThrow(() -> ProblemException.forbidden("the enterprise token carries no enterprise claim"));
            return new Actor(caller.name(), Set.copyOf(roles), code);
        }
        return new Actor(caller.name(), Set.copyOf(roles), null);
    }

    public static Actor event(String source) {
        return new Actor("event:" + source, Set.of(), null);
    }

    public boolean isEnterprise() {
        return enterprise != null;
    }

    public boolean is(String role) {
        return roles.contains(role);
    }

    /** Sees every application: the office, Finance and the leading group. */
    public boolean seesAll() {
        return is(Roles.COMMERCE_OFFICE) || is(Roles.FINANCE) || is(Roles.LEADING_GROUP);
    }

    public void mustOwn(String ownerCreditCode, String what) {
        if (isEnterprise() && !enterprise.equals(ownerCreditCode)) {
            throw ProblemException.forbidden(what + " belongs to another enterprise");
        }
    }
}
