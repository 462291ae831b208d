package cn.ruralfund.project.service;

import cn.ruralfund.platform.problem.ProblemException;
import cn.ruralfund.platform.security.Caller;
import cn.ruralfund.platform.security.Roles;

/**
 * Who acts, as the services need it: the name for the audit trail and, for an undertaking
 * enterprise, its unified social credit code (it sees and acts on its own projects only).
 */
public record Actor(String name, String enterprise) {

    public static final Actor SUPERVISION = new Actor("system:supervision", null);

    public static Actor of(Caller caller) {
        if (caller.is(Roles.ENTERPRISE) && !caller.is(Roles.COMMERCE_OFFICE)) {
            String code = caller.enterprise()
                    .orElseThrow(() -> ProblemException.forbidden("the enterprise token carries no enterprise claim"));
            return new Actor(caller.name(), code);
        }
        return new Actor(caller.name(), null);
    }

    public static Actor event(String source) {
        return new Actor("event:" + source, null);
    }

    public boolean isEnterprise() {
        return enterprise != null;
    }

    /** An enterprise may only see or act on what belongs to it; other roles are checked by @RolesAllowed. */
    public void mustOwn(String ownerCreditCode, String what) {
        if (isEnterprise() && !enterprise.equals(ownerCreditCode)) {
            throw ProblemException.forbidden(what + " belongs to another enterprise");
        }
    }
}
