package cn.ruralfund.reporting.service;

import cn.ruralfund.platform.contracts.AcceptanceConcludedV1;
import cn.ruralfund.platform.contracts.AllocationSetV1;
import cn.ruralfund.platform.contracts.BudgetCommittedV1;
import cn.ruralfund.platform.contracts.DisbursementPaidV1;
import cn.ruralfund.platform.contracts.RecoveryCompletedV1;
import cn.ruralfund.platform.events.CloudEvent;
import cn.ruralfund.platform.inbox.PoisonMessageException;
import cn.ruralfund.reporting.readmodel.DirectionSummary;
import cn.ruralfund.reporting.readmodel.ProgramSummary;
import cn.ruralfund.reporting.readmodel.TimelineEntry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.UUID;

/**
 * Read models of the money, from budget-service's and acceptance-service's events (each applied once, in the
 * Inbox's transaction): direction allocations kept current, money paid and recovered per project, and from them
 * the fund execution rate (资金执行率, T10) = (paid − recovered) / allotted.
 */
@ApplicationScoped
public class FundReadModel {

    public record Execution(BigDecimal allotted, BigDecimal paid, BigDecimal recovered, BigDecimal executed, BigDecimal ratePercent,
                            long projectsAccepted) {
    }

    public Uni<Void> allocationSet(CloudEvent event, AllocationSetV1 set) {
        if (set.programId() == null || set.directionId() == null || set.allocation() == null) {
            throw new PoisonMessageException("allocation-set without programId, directionId or allocation", null);
        }
        return DirectionSummary.<DirectionSummary>findById(set.directionId()).chain(d -> {
            if (d == null || !d.programId.equals(set.programId())) {
                throw new PoisonMessageException("allocation-set for direction " + set.directionId() + " of a program not seen", null);
            }
            d.allocation = set.allocation().setScale(2);
            return timeline(event, set.programId(), "allocation of " + d.name + " set to ¥" + d.allocation.toPlainString()
                    + (set.reason() == null ? "" : " (" + set.reason() + ")"));
        });
    }

    public Uni<Void> budgetCommitted(BudgetCommittedV1 committed) {
        requireProject(committed.projectId());
        return new NativeSql().append("insert into project_fund (project_id, program_id, enterprise_code) values (")
                .param(committed.projectId(), "uuid").append(", ").param(committed.programId(), "uuid").append(", ")
                .param(committed.enterpriseCreditCode(), "text")
                .append(") on conflict (project_id) do update set program_id = excluded.program_id, enterprise_code = excluded.enterprise_code")
                .update().replaceWithVoid();
    }

    public Uni<Void> paid(DisbursementPaidV1 paid) {
        requireProject(paid.projectId());
        if (paid.amount() == null || paid.amount().signum() < 0) {
            throw new PoisonMessageException("disbursement-paid without a non-negative amount", null);
        }
        return new NativeSql().append("insert into project_fund (project_id, program_id, enterprise_code, paid) values (")
                .param(paid.projectId(), "uuid").append(", ").param(paid.programId(), "uuid").append(", ")
                .param(paid.enterpriseCreditCode(), "text").append(", ").param(paid.amount(), "numeric")
                .append(") on conflict (project_id) do update set paid = project_fund.paid + excluded.paid,"
                        + " program_id = coalesce(excluded.program_id, project_fund.program_id)")
                .update().replaceWithVoid();
    }

    public Uni<Void> recovered(RecoveryCompletedV1 recovered) {
        requireProject(recovered.projectId());
        if (recovered.recovered() == null || recovered.recovered().signum() < 0) {
            throw new PoisonMessageException("recovery-completed without a non-negative amount", null);
        }
        return new NativeSql().append("insert into project_fund (project_id, enterprise_code, recovered) values (")
                .param(recovered.projectId(), "uuid").append(", ").param(recovered.enterpriseCreditCode(), "text").append(", ")
                .param(recovered.recovered(), "numeric")
                .append(") on conflict (project_id) do update set recovered = project_fund.recovered + excluded.recovered")
                .update().replaceWithVoid();
    }

    public Uni<Void> acceptance(AcceptanceConcludedV1 concluded) {
        requireProject(concluded.projectId());
        if (concluded.conclusion() == null) {
            throw new PoisonMessageException("acceptance-concluded without a conclusion", null);
        }
        return new NativeSql().append("insert into project_fund (project_id, acceptance, acceptance_reason, concluded_at) values (")
                .param(concluded.projectId(), "uuid").append(", ").param(concluded.conclusion(), "text").append(", ")
                .param(concluded.reason(), "text").append(", ").param(concluded.concludedAt(), "timestamptz")
                .append(") on conflict (project_id) do update set acceptance = excluded.acceptance,"
                        + " acceptance_reason = excluded.acceptance_reason, concluded_at = excluded.concluded_at")
                .update().replaceWithVoid();
    }

    /** T10 of one program, in the caller's session; null when the program has not been seen. */
    public Uni<Execution> execution(UUID programId) {
        return ProgramSummary.<ProgramSummary>findById(programId).chain(p -> {
            if (p == null) {
                return Uni.createFrom().nullItem();
            }
            return new NativeSql().append("select coalesce(sum(paid), 0), coalesce(sum(recovered), 0), count(*) filter (where acceptance = 'PASS')"
                            + " from project_fund where program_id = ").param(programId, "uuid").rows()
                    .map(rows -> {
                        BigDecimal paid = ((BigDecimal) rows.get(0)[0]).setScale(2);
                        BigDecimal recovered = ((BigDecimal) rows.get(0)[1]).setScale(2);
                        BigDecimal executed = paid.subtract(recovered);
                        BigDecimal rate = p.allotted.signum() == 0 ? BigDecimal.ZERO.setScale(2)
                                : executed.multiply(BigDecimal.valueOf(100)).divide(p.allotted, 2, RoundingMode.HALF_UP);
                        return new Execution(p.allotted, paid, recovered, executed, rate, ((Number) rows.get(0)[2]).longValue());
                    });
        });
    }

    private static void requireProject(UUID projectId) {
        if (projectId == null) {
            throw new PoisonMessageException("event without projectId", null);
        }
    }

    private static Uni<Void> timeline(CloudEvent event, UUID programId, String summary) {
        TimelineEntry entry = new TimelineEntry();
        entry.programId = programId;
        entry.eventId = event.id();
        entry.eventType = event.type();
        entry.occurredAt = event.time();
        entry.summary = summary;
        return entry.persist().replaceWithVoid();
    }
}
