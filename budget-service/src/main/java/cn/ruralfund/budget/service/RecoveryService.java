package cn.ruralfund.budget.service;

import cn.ruralfund.platform.money.Money;
import cn.ruralfund.budget.domain.Disbursement;
import cn.ruralfund.budget.domain.LedgerEntry;
import cn.ruralfund.budget.domain.ProjectBudget;
import cn.ruralfund.budget.domain.ProjectFunds;
import cn.ruralfund.budget.domain.RecoveryOrder;
import cn.ruralfund.budget.domain.RecoveryReceipt;
import cn.ruralfund.platform.audit.AuditTrail;
import cn.ruralfund.platform.contracts.EnterpriseDisqualifiedV2;
import cn.ruralfund.platform.contracts.RecoveryCompletedV1;
import cn.ruralfund.platform.contracts.RecoveryOrderedV1;
import cn.ruralfund.platform.contracts.ViolationConfirmedV1;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Recovery (追回): a project whose acceptance failed (R8), whose enterprise was disqualified (R11–R15), or whose
 * violation was confirmed (R11, R15) is stopped: its live requests are cancelled, its unused commitment goes back to the direction,
 * and a recovery order is raised for the money paid. Finance records what is recovered against the order.
 */
@ApplicationScoped
public class RecoveryService {

    private final Outbox outbox;
    private final AuditTrail audit;
    private final Ledger ledger;
    private final PlatformClock clock;
    private final Access access;

    RecoveryService(Outbox outbox, AuditTrail audit, Ledger ledger, PlatformClock clock, Access access) {
        this.outbox = outbox;
        this.audit = audit;
        this.ledger = ledger;
        this.clock = clock;
        this.access = access;
    }

    /**
     * R11–R15, 取消承办资格: the enterprise's role in the program ends. Every project of the enterprise in the program is
     * stopped (live requests cancelled, unused commitment released); the money paid is recovered in full on the
     * projects where the failure happened ({@code recoverFrom}); for a violation the project's violation-confirmed event
     * carries the recovery ({@link #violationConfirmed}), so both arrival orders end the same.
     */
    public Uni<Void> disqualified(EnterpriseDisqualifiedV2 d, String eventId, String actor) {
        String reason = "enterprise disqualified (" + d.rule() + "): " + d.reason();
        // ids only: a managed entity cannot be re-locked later (Hibernate's lock upgrade of an entity whose id has a
        // @Column name issues SQL with the attribute name)
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                        "select p.projectId from ProjectBudget p where p.enterpriseCode = :c and p.programId = :program order by p.registeredAt", UUID.class)
                .setParameter("c", d.enterpriseCreditCode()).setParameter("program", d.programId()).getResultList())
                .chain(projects -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (UUID id : projects) {
                        BigDecimal amount = d.recoverFrom().contains(id) ? null : BigDecimal.ZERO;
                        chain = chain.chain(() -> stopAndRecover(id, d.rule(), "ENTERPRISE_DISQUALIFIED", eventId, amount, reason, actor));
                    }
                    return chain;
                });
    }

    /** R11 or R15: a violation confirmed on a project stops it and recovers its amount (all paid when none is given). */
    public Uni<Void> violationConfirmed(ViolationConfirmedV1 v, String eventId, String actor) {
        BigDecimal amount = v.amount() == null ? null : Money.of(v.amount());
        return stopAndRecover(v.projectId(), v.rule(), "VIOLATION_CONFIRMED", v.violationId() == null ? eventId : v.violationId().toString(),
                amount, "violation confirmed (" + v.kind() + "): " + v.description(), actor);
    }

    /**
     * Stops the project and orders the recovery of {@code amount} (null: all money paid and not yet recovered or ordered).
     * Runs in the consumer's transaction; a project never registered here was never paid: nothing to do.
     */
    public Uni<Void> stopAndRecover(UUID projectId, String rule, String cause, String causeRef, BigDecimal amount, String reason, String actor) {
        return ProjectBudget.<ProjectBudget>findById(projectId, LockModeType.PESSIMISTIC_WRITE).chain(p -> {
            if (p == null) {
                return Uni.createFrom().voidItem();
            }
            ProjectFunds funds = p.funds();
            return Disbursement.<Disbursement>list("projectId = ?1 and status in ?2", projectId, List.of(Disbursement.Status.REQUESTED, Disbursement.Status.APPROVED))
                    .chain(live -> {
                        for (Disbursement d : live) {
                            funds.cancel(d.kind, d.amount);
                            d.status = Disbursement.Status.CANCELLED;
                            d.cancelledReason = reason;
                        }
                        return RecoveryOrder.<RecoveryOrder>list("projectId = ?1 and status = ?2", projectId, RecoveryOrder.Status.OPEN);
                    })
                    .chain(open -> {
                        BigDecimal outstanding = open.stream().map(RecoveryOrder::outstanding).reduce(BigDecimal.ZERO, BigDecimal::add);
                        BigDecimal recoverable = funds.recoverable(outstanding);
                        BigDecimal toRecover = amount == null ? recoverable : amount.min(recoverable);
                        boolean wasStopped = funds.stopped();
                        BigDecimal release = funds.stop();
                        p.take(funds);
                        if (!wasStopped) {
                            p.statusReason = rule + ": " + reason;
                        }
                        Uni<Void> chain = ledger.project(LedgerEntry.Kind.RELEASE, p, release, cause.toLowerCase() + "-" + causeRef, actor)
                                .chain(() -> audit.record(actor, "project.stopped", "project", projectId, rule + ": " + reason,
                                        Map.of("released", release, "cause", cause)));
                        if (toRecover.signum() <= 0) {
                            return chain;
                        }
                        RecoveryOrder o = new RecoveryOrder();
                        o.id = UUID.randomUUID();
                        o.projectId = projectId;
                        o.enterpriseCode = p.enterpriseCode;
                        o.rule = rule;
                        o.cause = cause;
                        o.causeRef = causeRef;
                        o.amount = Money.of(toRecover);
                        o.recovered = Money.ZERO;
                        o.status = RecoveryOrder.Status.OPEN;
                        o.reason = reason;
                        o.orderedAt = clock.now();
                        return chain.chain(() -> o.persist())
                                .chain(() -> outbox.publish(RecoveryOrderedV1.TYPE, projectId,
                                        new RecoveryOrderedV1(o.id, projectId, o.enterpriseCode, rule, cause, o.amount, reason)))
                                .chain(() -> audit.record(actor, "recovery.ordered", "project", projectId, rule + ": " + reason,
                                        Map.of("recoveryId", o.id, "amount", o.amount)))
                                .replaceWithVoid();
                    });
        });
    }

    public record Result(RecoveryOrder order, boolean replayed) {
    }

    /** Finance records money recovered against an order. */
    @WithTransaction
    public Uni<Result> receive(UUID recoveryId, BigDecimal amount, LocalDate receivedOn, String voucherNumber, String key, String actor) {
        BigDecimal yuan = Money.of(amount);
        return Panache.getSession().chain(s -> s.createNativeQuery("select project_id from recovery_order where id = :id", UUID.class)
                        .setParameter("id", recoveryId).getResultList())
                .chain(ids -> {
                    if (ids.isEmpty()) {
                        throw ProblemException.notFound("recovery order", recoveryId);
                    }
                    return ProjectBudget.<ProjectBudget>findById(ids.get(0), LockModeType.PESSIMISTIC_WRITE);
                })
                .chain(p -> RecoveryOrder.<RecoveryOrder>findById(recoveryId, LockModeType.PESSIMISTIC_WRITE).chain(o ->
                        (key == null ? Uni.createFrom().<RecoveryReceipt>nullItem()
                                : RecoveryReceipt.<RecoveryReceipt>find("recoveryId = ?1 and idempotencyKey = ?2", recoveryId, key).firstResult())
                                .chain(prior -> {
                                    if (prior != null) {
                                        if (prior.amount.compareTo(yuan) == 0) {
                                            return Uni.createFrom().item(new Result(o, true));
                                        }
                                        throw ProblemException.rule("idempotency-key-reused", "Idempotency key reused",
                                                "the Idempotency-Key " + key + " was used for a different receipt");
                                    }
                                    if (RecoveryOrder.Status.COMPLETED.equals(o.status)) {
                                        throw ProblemException.conflict("recovery-completed", "Recovery completed", "the order is recovered in full");
                                    }
                                    if (yuan.compareTo(o.outstanding()) > 0) {
                                        throw ProblemException.rule("recovery-exceeds-outstanding", "More than outstanding",
                                                "only " + o.outstanding().toPlainString() + " is outstanding on the order");
                                    }
                                    if (receivedOn.isAfter(clock.today())) {
                                        throw ProblemException.invalid("received-in-future", "the received date " + receivedOn + " is after today");
                                    }
                                    return RecoveryReceipt.count("voucherNumber", voucherNumber.strip()).chain(n -> {
                                        if (n > 0) {
                                            throw ProblemException.conflict("duplicate-voucher", "Voucher already used",
                                                    "voucher " + voucherNumber + " already records a receipt");
                                        }
                                        ProjectFunds funds = p.funds();
                                        funds.recover(yuan);
                                        BigDecimal release = funds.releaseUnused();
                                        p.take(funds);
                                        o.recovered = o.recovered.add(yuan);
                                        boolean completed = o.outstanding().signum() == 0;
                                        if (completed) {
                                            o.status = RecoveryOrder.Status.COMPLETED;
                                            o.completedAt = clock.now();
                                        }
                                        RecoveryReceipt r = new RecoveryReceipt();
                                        r.id = UUID.randomUUID();
                                        r.recoveryId = recoveryId;
                                        r.amount = yuan;
                                        r.receivedOn = receivedOn;
                                        r.voucherNumber = voucherNumber.strip();
                                        r.idempotencyKey = key;
                                        r.recordedAt = clock.now();
                                        r.recordedBy = actor;
                                        return r.persist()
                                                .chain(() -> ledger.project(LedgerEntry.Kind.RECOVER, p, yuan, "recovery-" + o.id, actor))
                                                .chain(() -> ledger.project(LedgerEntry.Kind.RELEASE, p, release, "recovery-" + o.id, actor))
                                                .chain(() -> completed
                                                        ? outbox.publish(RecoveryCompletedV1.TYPE, p.projectId,
                                                        new RecoveryCompletedV1(o.id, p.projectId, o.enterpriseCode, o.rule, o.recovered)).replaceWithVoid()
                                                        : Uni.createFrom().voidItem())
                                                .chain(() -> audit.record(actor, "recovery.received", "project", p.projectId, "voucher " + r.voucherNumber,
                                                        Map.of("recoveryId", o.id, "amount", yuan)))
                                                .replaceWith(new Result(o, false));
                                    });
                                })));
    }

    @WithSession
    public Uni<RecoveryOrder> find(UUID id) {
        return RecoveryOrder.<RecoveryOrder>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("recovery order", id))
                .call(o -> access.project(o.projectId));
    }

    @WithSession
    public Uni<List<RecoveryOrder>> ofProject(UUID projectId) {
        return access.project(projectId).chain(p -> RecoveryOrder.<RecoveryOrder>find("projectId = ?1 order by orderedAt", projectId).list());
    }

    @WithSession
    public Uni<List<RecoveryReceipt>> receipts(UUID recoveryId) {
        return find(recoveryId).chain(o -> RecoveryReceipt.<RecoveryReceipt>find("recoveryId = ?1 order by recordedAt", recoveryId).list());
    }
}
