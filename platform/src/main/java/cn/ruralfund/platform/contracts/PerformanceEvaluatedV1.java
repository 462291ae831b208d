package cn.ruralfund.platform.contracts;

import cn.ruralfund.platform.events.EventType;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The office evaluated a project's performance against its targets (绩效评价, R14), with its evidence:
 * {@code MET} (acceptance may proceed), {@code PARTIALLY_MET} (acceptance postponed to {@code acceptancePostponedTo}),
 * {@code NOT_MET} (a rectification notice {@code noticeId} is issued; not rectified by its deadline, the enterprise is
 * disqualified). Published by project-service; subject = projectId.
 * Schema: {@code events/project.performance-evaluated.v1.schema.json}.
 */
public record PerformanceEvaluatedV1(
        UUID evaluationId,
        UUID projectId,
        String enterpriseCreditCode,
        String outcome,
        String evidence,
        LocalDate acceptancePostponedTo,
        UUID noticeId,
        OffsetDateTime evaluatedAt) {

    public static final EventType<PerformanceEvaluatedV1> TYPE =
            new EventType<>("project", "performance-evaluated", 1, PerformanceEvaluatedV1.class);
}
