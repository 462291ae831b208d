package cn.ruralfund.platform.contracts;

import cn.ruralfund.platform.events.EventType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Finance paid a disbursement into the enterprise's dedicated account. Published by budget-service;
 * subject = projectId. Schema: {@code events/budget.disbursement-paid.v1.schema.json}.
 *
 * @param totalPaid what the project has been paid in all, this payment included (before recoveries)
 */
public record DisbursementPaidV1(
        UUID disbursementId,
        UUID projectId,
        UUID programId,
        UUID directionId,
        String enterpriseCreditCode,
        String kind,
        BigDecimal amount,
        LocalDate paidOn,
        String voucherNumber,
        String bankName,
        String accountNumber,
        BigDecimal totalPaid) {

    public static final EventType<DisbursementPaidV1> TYPE =
            new EventType<>("budget", "disbursement-paid", 1, DisbursementPaidV1.class);
}
