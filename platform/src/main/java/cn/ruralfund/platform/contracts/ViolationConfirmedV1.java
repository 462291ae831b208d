package cn.ruralfund.platform.contracts;

import cn.ruralfund.platform.events.EventType;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A violation of a project was confirmed: fraud, withholding, diversion, misappropriation (R11), or a false or
 * duplicate subsidy claim (R15). budget-service stops payment and orders recovery.
 * Published by project-service; subject = projectId. Schema: {@code events/project.violation-confirmed.v1.schema.json}.
 *
 * @param kind   FRAUD, WITHHOLDING, DIVERSION, MISAPPROPRIATION (R11), FALSE_CLAIM, DUPLICATE_CLAIM (R15)
 * @param rule   R11 or R15
 * @param amount the amount to recover, in yuan; null = everything paid to the project
 */
public record ViolationConfirmedV1(
        UUID violationId,
        UUID projectId,
        String enterpriseCreditCode,
        String kind,
        String rule,
        BigDecimal amount,
        String description,
        OffsetDateTime confirmedAt) {

    public static final EventType<ViolationConfirmedV1> TYPE =
            new EventType<>("project", "violation-confirmed", 1, ViolationConfirmedV1.class);
}
