package cn.ruralfund.platform.contracts;

import cn.ruralfund.platform.events.EventType;

import java.util.UUID;

/**
 * The rules of a program that its plan fixes and the services enforce (a program is data, never code): the
 * pre-disbursement cap in percent of a project's committed budget (R7, enforced by budget-service), the minimum
 * publicity window in working days (R5, publicity-service) and the minimum size of an acceptance team (R4,
 * acceptance-service). Published by budget-service with the program, after {@link ProgramCreatedV1}; subject = programId.
 * Schema: {@code events/budget.program-rules-set.v1.schema.json}.
 */
public record ProgramRulesSetV1(
        UUID programId,
        int preDisbursementCapPercent,
        int publicityWorkingDays,
        int acceptanceTeamMinimum) {

    public static final EventType<ProgramRulesSetV1> TYPE =
            new EventType<>("budget", "program-rules-set", 1, ProgramRulesSetV1.class);
}
