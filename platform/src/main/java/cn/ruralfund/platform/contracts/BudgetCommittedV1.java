package cn.ruralfund.platform.contracts;

import cn.ruralfund.platform.events.EventType;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A project's budget was committed against its direction, or amended (增减). Published by budget-service;
 * subject = projectId. Schema: {@code events/budget.budget-committed.v1.schema.json}.
 *
 * @param committed the project's committed budget now
 * @param change    what this commitment added (negative for a reduction)
 * @param revision  1 for the first commitment, then one more per amendment
 */
public record BudgetCommittedV1(
        UUID projectId,
        UUID programId,
        UUID directionId,
        String enterpriseCreditCode,
        BigDecimal committed,
        BigDecimal change,
        int revision,
        String reason) {

    public static final EventType<BudgetCommittedV1> TYPE =
            new EventType<>("budget", "budget-committed", 1, BudgetCommittedV1.class);
}
