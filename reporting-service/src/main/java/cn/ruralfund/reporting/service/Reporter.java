package cn.ruralfund.reporting.service;

import cn.ruralfund.platform.security.Caller;
import cn.ruralfund.platform.security.Roles;

/**
 * Who reports or reads sales, and so what they may touch: an enterprise its own brands, a township assistant
 * (乡镇电子商务信息服务助理员, R18) its own township, the e-commerce office everything.
 *
 * @param enterprise the enterprise's credit code, for an enterprise (or a machine feed speaking for one)
 * @param township   the assistant's township
 */
public record Reporter(String name, String enterprise, String township, boolean office) {

    public static Reporter of(Caller caller) {
        if (caller.is(Roles.ENTERPRISE)) {
            return new Reporter(caller.name(), caller.enterprise().orElse(""), null, false);
        }
        if (caller.is(Roles.TOWNSHIP_ASSISTANT)) {
            return new Reporter(caller.name(), null, caller.township().orElse(""), false);
        }
        return new Reporter(caller.name(), null, null, true);
    }

    public static Reporter feed(String source, String enterprise) {
        return new Reporter("feed:" + source, enterprise, null, false);
    }

    public boolean isEnterprise() {
        return enterprise != null;
    }

    public boolean isAssistant() {
        return township != null;
    }
}
