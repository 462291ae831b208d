package cn.ruralfund.budget.service;

import cn.ruralfund.platform.money.Money;
import cn.ruralfund.budget.domain.Disbursement;
import cn.ruralfund.budget.domain.ExpenseLine;
import cn.ruralfund.budget.domain.PaymentRequestReport;
import cn.ruralfund.budget.domain.LedgerEntry;
import cn.ruralfund.budget.domain.ProjectBudget;
import cn.ruralfund.budget.domain.ProjectFact;
import cn.ruralfund.budget.domain.ProjectFunds;
import cn.ruralfund.platform.audit.AuditTrail;
import cn.ruralfund.platform.contracts.DisbursementApprovedV1;
import cn.ruralfund.platform.contracts.DisbursementPaidV1;
import cn.ruralfund.platform.contracts.DisbursementRequestedV1;
import cn.ruralfund.platform.outbox.Outbox;
import cn.ruralfund.platform.problem.ProblemException;
import cn.ruralfund.platform.time.PlatformClock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Disbursements (R7, R20): requested by the office, approved once by the leading group, paid once by Finance.
 * Every decision on a project's money locks its budget row (SELECT ... FOR UPDATE) first, so concurrent requests are
 * decided one after the other against the cumulative totals: the 50% cap can never be passed together.
 */
@ApplicationScoped
public class DisbursementService {

    private static final ProjectFunds.Kind PRE = ProjectFunds.Kind.PRE_DISBURSEMENT;
    private static final ProjectFunds.Kind ACCEPTANCE = ProjectFunds.Kind.ACCEPTANCE_PAYMENT;

    /** The preconditions of the acceptance payment (R7), in the order they are usually met. */
    public static final List<String> PRECONDITIONS = List.of("ACCEPTANCE_PASSED", "AUDIT_RECORDED",
            "PUBLICITY_CLOSED_WITHOUT_UPHELD_OBJECTION", "PAYMENT_REQUEST_REPORT", "LEADING_GROUP_APPROVAL");

    public record Result(Disbursement disbursement, boolean replayed) {
    }

    public record Precondition(String code, boolean met, String detail) {
    }

    public record AcceptancePayment(UUID projectId, List<Precondition> preconditions, List<String> missing,
                                    BigDecimal auditedEligibleAmount, BigDecimal payableCap, BigDecimal paid, UUID requestId) {
    }

    private final Outbox outbox;
    private final AuditTrail audit;
    private final Ledger ledger;
    private final PlatformClock clock;
    private final Access access;

    DisbursementService(Outbox outbox, AuditTrail audit, Ledger ledger, PlatformClock clock, Access access) {
        this.outbox = outbox;
        this.audit = audit;
        this.ledger = ledger;
        this.clock = clock;
        this.access = access;
    }

    @WithTransaction
    public Uni<Result> request(UUID projectId, ProjectFunds.Kind kind, BigDecimal amount, String purpose, String key, String actor) {
        BigDecimal yuan = Money.of(amount);
        if (kind == PRE && yuan.signum() > 0) {
            // The common case decided in one statement; anything it does not take (not found, stopped, build-first,
            // no expense plan, over the cap, a replay) goes the way below, which locks the row and explains the refusal.
            return takePreDisbursement(projectId, yuan).chain(taken -> {
                if (taken == null) {
                    return decide(projectId, kind, yuan, purpose, key, actor);
                }
                if (key == null) {
                    return record(taken, kind, yuan, purpose, key, actor);
                }
                // The row is locked now, so a concurrent request with the same key has committed or waits: look for it.
                return prior(projectId, key).chain(d -> d == null ? record(taken, kind, yuan, purpose, key, actor)
                        : giveBack(projectId, yuan).chain(() -> replay(d, kind, yuan, key)));
            });
        }
        return decide(projectId, kind, yuan, purpose, key, actor);
    }

    /** The figures of a project after its pre-disbursement was taken, as the one conditional update returned them. */
    private record Taken(UUID projectId, UUID programId, UUID directionId, String enterpriseCode, BigDecimal committed,
                         BigDecimal preRequested, BigDecimal progressPercent, LocalDate progressReportedOn) {
    }

    /**
     * R7 in one round trip: adds the amount to the project's pre-disbursements only if the project is committed, not
     * build-first (R20), has an expense plan (R1) and stays within its program's cap; the update locks the row until
     * the transaction ends, as SELECT … FOR UPDATE did, so concurrent requests are decided one after the other against
     * the cumulative total (and the table's check constraint stays the last word). Null when it took nothing.
     */
    private Uni<Taken> takePreDisbursement(UUID projectId, BigDecimal amount) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        update project_budget set pre_requested = pre_requested + :amount
                        where project_id = :id and status = 'COMMITTED' and not build_first
                          and (pre_requested + :amount) * 100 <= committed * pre_disbursement_cap_percent
                          and exists (select 1 from expense_line e where e.project_id = :id)
                        returning program_id, direction_id, enterprise_code, committed, pre_requested, progress_percent, progress_reported_on""",
                        Object[].class)
                .setParameter("amount", amount).setParameter("id", projectId).getResultList())
                .map(rows -> {
                    if (rows.isEmpty()) {
                        return null;
                    }
                    Object[] r = rows.get(0);
                    return new Taken(projectId, uuid(r[0]), uuid(r[1]), (String) r[2], (BigDecimal) r[3], (BigDecimal) r[4], (BigDecimal) r[5],
                            r[6] == null ? null : r[6] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) r[6]);
                });
    }

    private static UUID uuid(Object o) {
        return o instanceof UUID u ? u : UUID.fromString(o.toString());
    }

    /** Undoes {@link #takePreDisbursement} in the same transaction (the request was a replay). */
    private Uni<Void> giveBack(UUID projectId, BigDecimal amount) {
        return Panache.getSession().chain(s -> s.createNativeQuery("update project_budget set pre_requested = pre_requested - :amount where project_id = :id")
                .setParameter("amount", amount).setParameter("id", projectId).executeUpdate()).replaceWithVoid();
    }

    private static Uni<Result> replay(Disbursement d, ProjectFunds.Kind kind, BigDecimal amount, String key) {
        if (d.kind == kind && d.amount.compareTo(amount) == 0) {
            return Uni.createFrom().item(new Result(d, true));
        }
        throw reused(key);
    }

    /** The full decision, under the budget row's lock: every rule checked in turn, each refusal with its problem. */
    private Uni<Result> decide(UUID projectId, ProjectFunds.Kind kind, BigDecimal yuan, String purpose, String key, String actor) {
        return ProjectBudget.<ProjectBudget>findById(projectId, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("project", projectId))
                .chain(p -> prior(projectId, key).chain(d -> {
                    if (d != null) {
                        if (d.kind == kind && d.amount.compareTo(yuan) == 0) {
                            return Uni.createFrom().item(new Result(d, true));
                        }
                        throw reused(key);
                    }
                    return ExpenseLine.count("projectId", projectId).chain(lines -> {
                        if (lines == 0) {
                            throw ProblemException.rule("r1-expense-plan-required", "No expense plan",
                                    "the project has no expense lines: its expense plan (附件4), line by line in permitted categories, comes before any money (R1)");
                        }
                        if (kind == ACCEPTANCE) {
                            return ProjectFact.<ProjectFact>findById(projectId).chain(fact -> {
                                List<String> missing = eventPreconditionsMissing(fact);
                                if (!missing.isEmpty()) {
                                    throw ProblemException.rule("r7-acceptance-preconditions", "Acceptance payment preconditions missing",
                                            "the acceptance payment needs " + String.join(", ", missing) + " (R7)");
                                }
                                ProjectFunds funds = p.funds();
                                funds.requestAcceptancePayment(yuan, fact.auditedAmount);
                                return create(p, funds, kind, yuan, purpose, key, actor);
                            });
                        }
                        ProjectFunds funds = p.funds();
                        funds.requestPreDisbursement(yuan);
                        return create(p, funds, kind, yuan, purpose, key, actor);
                    });
                }));
    }

    private Uni<Result> create(ProjectBudget p, ProjectFunds funds, ProjectFunds.Kind kind, BigDecimal amount, String purpose, String key, String actor) {
        if (!ProjectBudget.Status.COMMITTED.equals(p.status)) {
            throw ProblemException.conflict("project-stopped", "Payments to the project are stopped", "the project is " + p.status);
        }
        p.take(funds);
        return record(new Taken(p.projectId, p.programId, p.directionId, p.enterpriseCode, p.committed, p.preRequested, p.progressPercent,
                p.progressReportedOn), kind, amount, purpose, key, actor);
    }

    /** The request row, its event (outbox) and its audit record, in the transaction that took the money. */
    private Uni<Result> record(Taken p, ProjectFunds.Kind kind, BigDecimal amount, String purpose, String key, String actor) {
        Disbursement d = new Disbursement();
        d.id = UUID.randomUUID();
        d.projectId = p.projectId();
        d.kind = kind;
        d.amount = amount;
        d.status = Disbursement.Status.REQUESTED;
        d.purpose = purpose;
        d.idempotencyKey = key;
        d.requestedAt = clock.now();
        d.requestedBy = actor;
        if (kind == PRE) {
            // R2: pay by progress. The request records the progress it is made at and is flagged for the leading group
            // when the pre-disbursed share of the budget would exceed the share of the work reported done.
            d.progressPercent = p.progressPercent();
            d.progressReportedOn = p.progressReportedOn();
            BigDecimal done = p.progressPercent() == null ? BigDecimal.ZERO : p.progressPercent();
            d.aheadOfProgress = p.preRequested().multiply(BigDecimal.valueOf(100)).compareTo(done.multiply(p.committed())) > 0;
        }
        return d.persist()
                .chain(() -> outbox.publish(DisbursementRequestedV1.TYPE, p.projectId(), new DisbursementRequestedV1(d.id, p.projectId(),
                        p.programId(), p.directionId(), p.enterpriseCode(), kind.name(), amount, actor)))
                .chain(() -> audit.record(actor, "disbursement.requested", "project", p.projectId(), purpose,
                        Map.of("disbursementId", d.id, "kind", kind, "amount", amount)))
                .replaceWith(new Result(d, false));
    }

    private Uni<Disbursement> prior(UUID projectId, String key) {
        return key == null ? Uni.createFrom().nullItem()
                : Disbursement.<Disbursement>find("projectId = ?1 and idempotencyKey = ?2", projectId, key).firstResult();
    }

    private static ProblemException reused(String key) {
        return ProblemException.rule("idempotency-key-reused", "Idempotency key reused",
                "the Idempotency-Key " + key + " was used for a different request");
    }

    /** The leading group's approval (批示): once. */
    @WithTransaction
    public Uni<Result> approve(UUID id, String comment, String key, String actor) {
        return lock(id).chain(pd -> {
            ProjectBudget p = pd.project;
            Disbursement d = pd.disbursement;
            if (Disbursement.Status.APPROVED.equals(d.status) || Disbursement.Status.PAID.equals(d.status)) {
                if (key != null && key.equals(d.approvalKey)) {
                    return Uni.createFrom().item(new Result(d, true));
                }
                throw ProblemException.conflict("already-approved", "Already approved",
                        "the request was approved by " + d.approvedBy + " at " + d.approvedAt + "; it is approved once");
            }
            if (Disbursement.Status.CANCELLED.equals(d.status) || ProjectBudget.Status.STOPPED.equals(p.status)) {
                throw ProblemException.conflict("disbursement-cancelled", "The request is cancelled",
                        "the request was cancelled: " + (d.cancelledReason == null ? p.statusReason : d.cancelledReason));
            }
            return (d.kind == ACCEPTANCE ? PaymentRequestReport.count("disbursementId", d.id) : Uni.createFrom().item(1L)).chain(reports -> {
            if (reports == 0) {
                throw ProblemException.rule("r7-payment-request-report-missing", "No payment request report",
                        "the acceptance payment is approved on its payment request report (请款报告, R7): the office generates it first");
            }
            d.status = Disbursement.Status.APPROVED;
            d.approvedAt = clock.now();
            d.approvedBy = actor;
            d.approvalComment = comment;
            d.approvalKey = key;
            return outbox.publish(DisbursementApprovedV1.TYPE, p.projectId,
                            new DisbursementApprovedV1(d.id, p.projectId, d.kind.name(), d.amount, actor, d.approvedAt))
                    .chain(() -> audit.record(actor, "disbursement.approved", "project", p.projectId, comment,
                            Map.of("disbursementId", d.id, "amount", d.amount)))
                    .replaceWith(new Result(d, false));
            });
        });
    }

    /** Finance pays an approved request into the enterprise's dedicated account: once. */
    @WithTransaction
    public Uni<Result> pay(UUID id, LocalDate paidOn, String voucherNumber, String bankName, String accountNumber, String key, String actor) {
        return lock(id).chain(pd -> {
            ProjectBudget p = pd.project;
            Disbursement d = pd.disbursement;
            if (Disbursement.Status.PAID.equals(d.status)) {
                if (key != null && key.equals(d.paymentKey)) {
                    return Uni.createFrom().item(new Result(d, true));
                }
                throw ProblemException.conflict("already-paid", "Already paid",
                        "the request was paid on " + d.paidOn + " with voucher " + d.voucherNumber + "; it is paid once");
            }
            if (Disbursement.Status.CANCELLED.equals(d.status)) {
                throw ProblemException.conflict("disbursement-cancelled", "The request is cancelled", "the request was cancelled: " + d.cancelledReason);
            }
            if (!Disbursement.Status.APPROVED.equals(d.status)) {
                throw ProblemException.rule("r7-leading-group-approval", "Not approved",
                        "the leading group has not approved the request yet (R7)");
            }
            if (paidOn.isAfter(clock.today())) {
                throw ProblemException.invalid("paid-in-future", "the paid date " + paidOn + " is after today");
            }
            if (p.accountNumber != null && !p.accountNumber.equals(accountNumber.strip())) {
                throw ProblemException.rule("dedicated-account-mismatch", "Not the dedicated account",
                        "the money is paid only into the enterprise's dedicated fund account (专用资金账户, F5) registered for the project");
            }
            Uni<Void> check = d.kind == ACCEPTANCE
                    ? ProjectFact.<ProjectFact>findById(p.projectId).invoke(fact -> {
                        List<String> missing = eventPreconditionsMissing(fact);
                        if (!missing.isEmpty()) {
                            throw ProblemException.rule("r7-acceptance-preconditions", "Acceptance payment preconditions missing",
                                    "the acceptance payment needs " + String.join(", ", missing) + " (R7)");
                        }
                        if (p.paid.add(d.amount).compareTo(p.funds().payableCap(fact.auditedAmount)) > 0) {
                            throw ProblemException.rule("r7-audited-amount-cap", "Beyond the audited eligible amount",
                                    "the total paid would pass the audited eligible amount " + fact.auditedAmount.toPlainString());
                        }
                    }).replaceWithVoid()
                    : Uni.createFrom().voidItem();
            return check
                    .chain(() -> Disbursement.count("voucherNumber", voucherNumber.strip()))
                    .chain(vouchers -> {
                        if (vouchers > 0) {
                            throw ProblemException.conflict("duplicate-voucher", "Voucher already used",
                                    "voucher " + voucherNumber + " already records a payment");
                        }
                        ProjectFunds funds = p.funds();
                        funds.pay(d.amount);
                        p.take(funds);
                        d.status = Disbursement.Status.PAID;
                        d.paidOn = paidOn;
                        d.voucherNumber = voucherNumber.strip();
                        d.bankName = bankName == null ? p.bankName : bankName.strip();
                        d.accountNumber = accountNumber.strip();
                        d.paidAt = clock.now();
                        d.paidBy = actor;
                        d.paymentKey = key;
                        return ledger.project(d.kind == PRE ? LedgerEntry.Kind.PRE_DISBURSE : LedgerEntry.Kind.PAY, p, d.amount,
                                        "disbursement-" + d.id, actor)
                                .chain(() -> outbox.publish(DisbursementPaidV1.TYPE, p.projectId, new DisbursementPaidV1(d.id, p.projectId,
                                        p.programId, p.directionId, p.enterpriseCode, d.kind.name(), d.amount, paidOn, d.voucherNumber,
                                        d.bankName, d.accountNumber, p.paid)))
                                .chain(() -> audit.record(actor, "disbursement.paid", "project", p.projectId, "voucher " + d.voucherNumber,
                                        Map.of("disbursementId", d.id, "amount", d.amount, "paidOn", paidOn.toString())))
                                .replaceWith(new Result(d, false));
                    });
        });
    }

    private record Locked(ProjectBudget project, Disbursement disbursement) {
    }

    /** Locks the project's budget row, then the request: always in this order, so no two requests deadlock. */
    private Uni<Locked> lock(UUID disbursementId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select project_id from disbursement where id = :id", UUID.class)
                        .setParameter("id", disbursementId).getResultList())
                .chain(ids -> {
                    if (ids.isEmpty()) {
                        throw ProblemException.notFound("disbursement", disbursementId);
                    }
                    return ProjectBudget.<ProjectBudget>findById(ids.get(0), LockModeType.PESSIMISTIC_WRITE)
                            .chain(p -> Disbursement.<Disbursement>findById(disbursementId, LockModeType.PESSIMISTIC_WRITE)
                                    .map(d -> new Locked(p, d)));
                });
    }

    static List<String> eventPreconditionsMissing(ProjectFact fact) {
        List<String> missing = new ArrayList<>();
        if (fact == null || !fact.accepted()) missing.add("ACCEPTANCE_PASSED");
        if (fact == null || !fact.audited()) missing.add("AUDIT_RECORDED");
        if (fact == null || !fact.publicityClear()) missing.add("PUBLICITY_CLOSED_WITHOUT_UPHELD_OBJECTION");
        return missing;
    }

    /** Which preconditions of the acceptance payment are met, and which are still missing (R7). */
    @WithSession
    public Uni<AcceptancePayment> acceptancePayment(UUID projectId) {
        return access.project(projectId).chain(p -> ProjectFact.<ProjectFact>findById(projectId).chain(fact ->
                Disbursement.<Disbursement>find("projectId = ?1 and kind = ?2 and status <> ?3", projectId, ACCEPTANCE, Disbursement.Status.CANCELLED)
                        .firstResult().chain(request -> (request == null ? Uni.createFrom().item(0L)
                                : PaymentRequestReport.count("disbursementId", request.id)).map(reports -> {
                            List<Precondition> list = preconditions(fact, request, reports > 0);
                            return new AcceptancePayment(projectId, list, list.stream().filter(c -> !c.met()).map(Precondition::code).toList(),
                                    fact == null ? null : fact.auditedAmount, p.funds().payableCap(fact == null ? null : fact.auditedAmount),
                                    p.paid, request == null ? null : request.id);
                        }))));
    }

    public static List<Precondition> preconditions(ProjectFact fact, Disbursement request, boolean reportExists) {
        List<Precondition> list = new ArrayList<>();
        list.add(new Precondition("ACCEPTANCE_PASSED", fact != null && fact.accepted(),
                fact == null || fact.acceptance == null ? "acceptance not concluded" : "acceptance concluded " + fact.acceptance));
        list.add(new Precondition("AUDIT_RECORDED", fact != null && fact.audited(),
                fact == null || !fact.audited() ? "no third-party audit recorded"
                        : "audited eligible amount " + fact.auditedAmount.toPlainString() + " (" + fact.auditFirm + ", " + fact.auditReport + ")"));
        list.add(new Precondition("PUBLICITY_CLOSED_WITHOUT_UPHELD_OBJECTION", fact != null && fact.publicityClear(),
                fact == null || fact.publicityClosedOn == null ? "publicity not closed"
                        : Boolean.TRUE.equals(fact.objectionUpheld) ? "an objection was upheld" : "closed on " + fact.publicityClosedOn));
        list.add(new Precondition("PAYMENT_REQUEST_REPORT", request != null && reportExists,
                request == null ? "no acceptance payment request" : reportExists ? "report of request " + request.id
                        : "request " + request.id + " has no report yet"));
        boolean approved = request != null && (Disbursement.Status.APPROVED.equals(request.status) || Disbursement.Status.PAID.equals(request.status));
        list.add(new Precondition("LEADING_GROUP_APPROVAL", approved,
                approved ? "approved by " + request.approvedBy + " at " + request.approvedAt : "not approved"));
        return list;
    }

    @WithSession
    public Uni<Disbursement> find(UUID id) {
        return Disbursement.<Disbursement>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("disbursement", id))
                .call(d -> access.project(d.projectId));
    }

    @WithSession
    public Uni<List<Disbursement>> ofProject(UUID projectId) {
        return access.project(projectId).chain(p -> Disbursement.<Disbursement>find("projectId = ?1 order by requestedAt, id", projectId).list());
    }

    public record ReportData(Disbursement disbursement, ProjectBudget project, ProjectFact fact, String programName, String directionName) {
    }

    @WithSession
    public Uni<ReportData> report(UUID id) {
        return find(id).chain(d -> ProjectBudget.<ProjectBudget>findById(d.projectId).chain(p -> ProjectFact.<ProjectFact>findById(p.projectId)
                .chain(fact -> Panache.getSession().chain(s -> s.createNativeQuery(
                                        "select p.county || ' ' || p.name, d.name from program p join program_direction d on d.program_id = p.id where d.id = :d",
                                        Object[].class)
                                .setParameter("d", p.directionId).getSingleResult())
                        .map(names -> new ReportData(d, p, fact, (String) names[0], (String) names[1])))));
    }
}
