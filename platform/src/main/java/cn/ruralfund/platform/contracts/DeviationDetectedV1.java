package cn.ruralfund.platform.contracts;

import cn.ruralfund.platform.events.EventType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * R12: a project's actual progress is behind its approved progress plan by more than the configured
 * threshold. Published by project-service; subject = projectId.
 * Schema: {@code events/project.deviation-detected.v1.schema.json}.
 *
 * @param plannedPercent the weight of the milestones planned to be done by {@code detectedOn}, 0–100
 * @param actualPercent  the latest reported progress, 0–100
 * @param gap            plannedPercent − actualPercent, in percentage points
 * @param serious        at or beyond the serious-delay threshold: the office may issue a rectification notice
 */
public record DeviationDetectedV1(
        UUID deviationId,
        UUID projectId,
        String enterpriseCreditCode,
        LocalDate detectedOn,
        BigDecimal plannedPercent,
        BigDecimal actualPercent,
        BigDecimal gap,
        boolean serious) {

    public static final EventType<DeviationDetectedV1> TYPE =
            new EventType<>("project", "deviation-detected", 1, DeviationDetectedV1.class);
}
