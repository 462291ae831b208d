package cn.ruralfund.platform.contracts;

import cn.ruralfund.platform.events.EventType;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A notice with a deadline was issued to an undertaking enterprise: a rectification notice (整改通知书)
 * for a serious delay (R12), an inspection or accident finding (R13), a performance finding (R14), or a
 * data-reporting notice (R16, public criticism and rectification). Published by project-service;
 * subject = projectId, or the enterprise's credit code when the notice concerns no single project.
 * Schema: {@code events/project.rectification-issued.v1.schema.json}.
 *
 * @param kind PROGRESS_DELAY, INSPECTION, ACCIDENT, PERFORMANCE or DATA_REPORTING
 * @param rule R12, R13, R14 or R16
 * @param projectId null when the notice concerns no single project
 */
public record RectificationIssuedV1(
        UUID noticeId,
        UUID projectId,
        String enterpriseCreditCode,
        String enterpriseName,
        String kind,
        String rule,
        String reason,
        LocalDate deadline,
        OffsetDateTime issuedAt) {

    public static final EventType<RectificationIssuedV1> TYPE =
            new EventType<>("project", "rectification-issued", 1, RectificationIssuedV1.class);
}
