package cn.ruralfund.platform.contracts;

import cn.ruralfund.platform.events.EventType;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A disbursement was requested for a project (R7): a pre-disbursement (预拨) or the acceptance payment, with
 * its payment request report (请款报告). Published by budget-service; subject = projectId.
 * Schema: {@code events/budget.disbursement-requested.v1.schema.json}.
 *
 * @param kind PRE_DISBURSEMENT or ACCEPTANCE_PAYMENT
 */
public record DisbursementRequestedV1(
        UUID disbursementId,
        UUID projectId,
        UUID programId,
        UUID directionId,
        String enterpriseCreditCode,
        String kind,
        BigDecimal amount,
        String requestedBy) {

    public static final EventType<DisbursementRequestedV1> TYPE =
            new EventType<>("budget", "disbursement-requested", 1, DisbursementRequestedV1.class);
}
