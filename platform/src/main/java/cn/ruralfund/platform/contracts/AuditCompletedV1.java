package cn.ruralfund.platform.contracts;

import cn.ruralfund.platform.events.EventType;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A third-party audit (第三方审计) of a project was recorded (R7): the audited eligible amount caps the total
 * paid to the project. Published by acceptance-service; subject = projectId.
 * Schema: {@code events/acceptance.audit-completed.v1.schema.json}.
 */
public record AuditCompletedV1(
        UUID projectId,
        String auditFirm,
        String reportNumber,
        BigDecimal auditedEligibleAmount,
        OffsetDateTime completedAt) {

    public static final EventType<AuditCompletedV1> TYPE =
            new EventType<>("acceptance", "audit-completed", 1, AuditCompletedV1.class);
}
