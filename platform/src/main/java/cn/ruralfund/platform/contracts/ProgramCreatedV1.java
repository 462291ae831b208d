package cn.ruralfund.platform.contracts;

import cn.ruralfund.platform.events.EventType;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * A county's fund program (专项资金) was set up with its directions (使用方向) and phases.
 * Published by budget-service; subject = programId. Schema: {@code events/budget.program-created.v1.schema.json}.
 */
public record ProgramCreatedV1(
        UUID programId,
        String county,
        int year,
        String name,
        BigDecimal total,
        YearMonth periodStart,
        YearMonth periodEnd,
        List<Direction> directions,
        List<Phase> phases) {

    public static final EventType<ProgramCreatedV1> TYPE =
            new EventType<>("budget", "program-created", 1, ProgramCreatedV1.class);

    public record Direction(UUID directionId, String name, BigDecimal allocation) {
    }

    public record Phase(String code, String name, YearMonth start, YearMonth end) {
    }
}
