package cn.ruralfund.platform.contracts;

import cn.ruralfund.platform.events.EventType;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A recovery order was recovered in full. Published by budget-service; subject = projectId.
 * Schema: {@code events/budget.recovery-completed.v1.schema.json}.
 */
public record RecoveryCompletedV1(
        UUID recoveryId,
        UUID projectId,
        String enterpriseCreditCode,
        String rule,
        BigDecimal recovered) {

    public static final EventType<RecoveryCompletedV1> TYPE =
            new EventType<>("budget", "recovery-completed", 1, RecoveryCompletedV1.class);
}
