package cn.ruralfund.budget.rest;

import cn.ruralfund.budget.domain.Balances;
import cn.ruralfund.budget.domain.Disbursement;
import cn.ruralfund.budget.domain.ProjectBudget;
import cn.ruralfund.budget.domain.ProjectFunds;
import cn.ruralfund.budget.domain.RecoveryOrder;
import cn.ruralfund.budget.service.BalanceService;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Response bodies. */
public final class Views {

    private Views() {
    }

    public record BalancesView(BigDecimal allotted, BigDecimal committed, BigDecimal uncommitted, BigDecimal paid,
                               BigDecimal recovered, BigDecimal netPaid, BigDecimal executionRate) {
        public static BalancesView of(Balances b) {
            return new BalancesView(b.allotted(), b.committed(), b.uncommitted(), b.paid(), b.recovered(), b.netPaid(), b.executionRate());
        }
    }

    public record DirectionBalances(UUID directionId, String name, BalancesView balances) {
    }

    public record ProgramBalances(UUID programId, String name, BalancesView balances, BigDecimal unallocated, List<DirectionBalances> directions) {
        public static ProgramBalances of(BalanceService.ProgramBalances b) {
            var p = b.program();
            return new ProgramBalances(p.id, p.name, BalancesView.of(b.total()), p.total.subtract(p.allocated()),
                    p.directions.stream().map(d -> new DirectionBalances(d.id, d.name, BalancesView.of(b.of(d.id)))).toList());
        }
    }

    public record Account(String bankName, String accountName, String accountNumber) {
    }

    public record ProjectBudgetView(UUID projectId, UUID programId, UUID directionId, String projectName, String task,
                                    boolean buildFirstSubsidiseAfter, String enterpriseCreditCode, String enterpriseName,
                                    Account dedicatedAccount, BigDecimal requested, BigDecimal committed,
                                    BigDecimal preDisbursementRequested, BigDecimal preDisbursable, BigDecimal acceptancePaymentRequested,
                                    BigDecimal paid, BigDecimal recovered, ProjectBudget.Status status, String statusReason, int revision,
                                    int preDisbursementCapPercent, BigDecimal progressPercent, LocalDate progressReportedOn) {
        public static ProjectBudgetView of(ProjectBudget p) {
            return new ProjectBudgetView(p.projectId, p.programId, p.directionId, p.projectName, p.task, p.buildFirst,
                    p.enterpriseCode, p.enterpriseName, new Account(p.bankName, p.accountName, p.accountNumber), p.requested,
                    p.committed, p.preRequested, p.funds().preDisbursable(), p.acceptanceRequested, p.paid, p.recovered,
                    p.status, p.statusReason, p.revision, p.preDisbursementCapPercent, p.progressPercent, p.progressReportedOn);
        }
    }

    public record DisbursementView(UUID id, UUID projectId, ProjectFunds.Kind kind, BigDecimal amount, Disbursement.Status status, String purpose,
                                   OffsetDateTime requestedAt, String requestedBy, OffsetDateTime approvedAt, String approvedBy,
                                   String approvalComment, LocalDate paidOn, String voucherNumber, String bankName,
                                   String accountNumber, String paidBy, String cancelledReason, BigDecimal progressPercent,
                                   LocalDate progressReportedOn, boolean aheadOfProgress) {
        public static DisbursementView of(Disbursement d) {
            return new DisbursementView(d.id, d.projectId, d.kind, d.amount, d.status, d.purpose, d.requestedAt, d.requestedBy,
                    d.approvedAt, d.approvedBy, d.approvalComment, d.paidOn, d.voucherNumber, d.bankName, d.accountNumber,
                    d.paidBy, d.cancelledReason, d.progressPercent, d.progressReportedOn, d.aheadOfProgress);
        }
    }

    public record RecoveryView(UUID id, UUID projectId, String enterpriseCreditCode, String rule, String cause, BigDecimal amount,
                               BigDecimal recovered, BigDecimal outstanding, RecoveryOrder.Status status, String reason,
                               OffsetDateTime orderedAt, OffsetDateTime completedAt) {
        public static RecoveryView of(RecoveryOrder o) {
            return new RecoveryView(o.id, o.projectId, o.enterpriseCode, o.rule, o.cause, o.amount, o.recovered, o.outstanding(),
                    o.status, o.reason, o.orderedAt, o.completedAt);
        }
    }
}
