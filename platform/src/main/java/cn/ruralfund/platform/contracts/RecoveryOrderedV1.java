package cn.ruralfund.platform.contracts;

import cn.ruralfund.platform.events.EventType;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * Money paid to a project is to be recovered (追回): R8 (acceptance failed or missed), R11 (violation,
 * disqualification), R15 (false or duplicate claim). Published by budget-service; subject = projectId.
 * Schema: {@code events/budget.recovery-ordered.v1.schema.json}.
 *
 * @param cause the event that caused it: ACCEPTANCE_FAILED, ENTERPRISE_DISQUALIFIED, VIOLATION_CONFIRMED
 */
public record RecoveryOrderedV1(
        UUID recoveryId,
        UUID projectId,
        String enterpriseCreditCode,
        String rule,
        String cause,
        BigDecimal amount,
        String reason) {

    public static final EventType<RecoveryOrderedV1> TYPE =
            new EventType<>("budget", "recovery-ordered", 1, RecoveryOrderedV1.class);
}
