package cn.ruralfund.platform.contracts;

import cn.ruralfund.platform.events.EventType;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The leading group (领导小组) approved (批示) a disbursement request. Published by budget-service; subject = projectId.
 * Schema: {@code events/budget.disbursement-approved.v1.schema.json}.
 */
public record DisbursementApprovedV1(
        UUID disbursementId,
        UUID projectId,
        String kind,
        BigDecimal amount,
        String approvedBy,
        OffsetDateTime approvedAt) {

    public static final EventType<DisbursementApprovedV1> TYPE =
            new EventType<>("budget", "disbursement-approved", 1, DisbursementApprovedV1.class);
}
