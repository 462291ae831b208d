package cn.ruralfund.platform.contracts;

import cn.ruralfund.platform.events.EventType;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * An undertaking enterprise lost its qualification (取消承办资格: R11, R12, R13, R14, R15). budget-service stops
 * its payments and orders the money paid recovered. Published by project-service; subject = enterpriseCreditCode.
 * Schema: {@code events/project.enterprise-disqualified.v1.schema.json}.
 * <p>Superseded by {@link EnterpriseDisqualifiedV2}, which says its scope; still published beside it for existing
 * subscribers. budget-service acts on v2 only.
 *
 * @param rule       the rule applied, e.g. {@code R12}
 * @param projectIds the enterprise's projects concerned (all of them when empty)
 */
public record EnterpriseDisqualifiedV1(
        String enterpriseCreditCode,
        String enterpriseName,
        String rule,
        String reason,
        List<UUID> projectIds,
        OffsetDateTime disqualifiedAt) {

    public static final EventType<EnterpriseDisqualifiedV1> TYPE =
            new EventType<>("project", "enterprise-disqualified", 1, EnterpriseDisqualifiedV1.class);
}
