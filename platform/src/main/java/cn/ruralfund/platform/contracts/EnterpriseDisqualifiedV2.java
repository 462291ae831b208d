package cn.ruralfund.platform.contracts;

import cn.ruralfund.platform.events.EventType;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * An undertaking enterprise lost its qualification in a program (取消承办资格: R11–R15). Its role in the program
 * ends: budget-service stops payment and cancels live requests on <b>every</b> project of the enterprise in
 * {@code programId}, and orders recovered in full the money paid on each project of {@code recoverFrom}, where the
 * failure happened (R12, R13, R14). For a violation (R11, R15) {@code recoverFrom} is empty: the
 * {@code violation-confirmed} event of the project carries the recovery and its amount, so the outcome is the same in
 * either arrival order. Published by project-service; subject = enterpriseCreditCode.
 * Schema: {@code events/project.enterprise-disqualified.v2.schema.json}. Replaces v1, whose project list meant two
 * things at once; v1 is still published beside it for existing subscribers.
 *
 * @param programId   the program whose role ends
 * @param rule        the rule applied, carried unchanged to recovery orders and notices: R11, R12, R13, R14 or R15
 * @param recoverFrom projects whose paid money this event orders recovered in full
 */
public record EnterpriseDisqualifiedV2(
        String enterpriseCreditCode,
        String enterpriseName,
        UUID programId,
        String rule,
        String reason,
        List<UUID> recoverFrom,
        OffsetDateTime disqualifiedAt) {

    public static final EventType<EnterpriseDisqualifiedV2> TYPE =
            new EventType<>("project", "enterprise-disqualified", 2, EnterpriseDisqualifiedV2.class);
}
