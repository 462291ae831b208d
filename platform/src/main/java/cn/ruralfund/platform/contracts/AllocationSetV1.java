package cn.ruralfund.platform.contracts;

import cn.ruralfund.platform.events.EventType;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * The allocation of a program's direction (附件4) was changed. Published by budget-service; subject = programId.
 * Schema: {@code events/budget.allocation-set.v1.schema.json}.
 */
public record AllocationSetV1(
        UUID programId,
        UUID directionId,
        String directionName,
        BigDecimal previousAllocation,
        BigDecimal allocation,
        String reason) {

    public static final EventType<AllocationSetV1> TYPE =
            new EventType<>("budget", "allocation-set", 1, AllocationSetV1.class);
}
