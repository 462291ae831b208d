package cn.ruralfund.platform.contracts;

import cn.ruralfund.platform.events.EventType;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A project's budget could not be committed. Published by budget-service; subject = projectId.
 * Schema: {@code events/budget.budget-refused.v1.schema.json}.
 *
 * @param problemType the stable problem type of the rule, e.g. {@code https://ruralfund.cn/problems/direction-allocation-exceeded}
 * @param remaining   what was left of the direction's allocation (null when the direction is unknown)
 */
public record BudgetRefusedV1(
        UUID projectId,
        UUID programId,
        UUID directionId,
        BigDecimal requested,
        BigDecimal remaining,
        String problemType,
        String reason) {

    public static final EventType<BudgetRefusedV1> TYPE =
            new EventType<>("budget", "budget-refused", 1, BudgetRefusedV1.class);
}
