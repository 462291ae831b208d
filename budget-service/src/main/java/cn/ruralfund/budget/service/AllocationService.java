package cn.ruralfund.budget.service;

import cn.ruralfund.platform.money.Money;
import cn.ruralfund.budget.domain.Direction;
import cn.ruralfund.platform.audit.AuditTrail;
import cn.ruralfund.platform.contracts.AllocationSetV1;
import cn.ruralfund.platform.outbox.Outbox;
import cn.ruralfund.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

/** Changes a direction's allocation (附件4): never below what its projects committed, never past the program total. */
@ApplicationScoped
public class AllocationService {

    private final Outbox outbox;
    private final AuditTrail audit;
    private final Ledger ledger;
    private final BudgetService budgets;

    AllocationService(Outbox outbox, AuditTrail audit, Ledger ledger, BudgetService budgets) {
        this.outbox = outbox;
        this.audit = audit;
        this.ledger = ledger;
        this.budgets = budgets;
    }

    @WithTransaction
    public Uni<AllocationSetV1> set(UUID programId, UUID directionId, BigDecimal allocation, String reason, String actor) {
        BigDecimal yuan = Money.of(allocation);
        // the program row first (the sum of allocations), then the direction (its commitments)
        return Panache.getSession().chain(s -> s.createNativeQuery("select total from program where id = :id for update", BigDecimal.class)
                        .setParameter("id", programId).getResultList())
                .chain(totals -> {
                    if (totals.isEmpty()) {
                        throw ProblemException.notFound("program", programId);
                    }
                    BigDecimal total = totals.get(0);
                    return budgets.lockDirection(directionId).chain(room -> {
                        if (room == null || !room.programId().equals(programId)) {
                            throw ProblemException.notFound("direction", directionId);
                        }
                        if (yuan.compareTo(room.committed()) < 0) {
                            throw ProblemException.rule("allocation-below-committed", "Allocation below commitments",
                                    "the direction's projects have committed " + room.committed().toPlainString());
                        }
                        return Panache.getSession().chain(s -> s.createNativeQuery(
                                        "select coalesce(sum(allocation), 0) from program_direction where program_id = :p and id <> :d", BigDecimal.class)
                                .setParameter("p", programId).setParameter("d", directionId).getSingleResult())
                                .chain(others -> {
                                    if (others.add(yuan).compareTo(total) > 0) {
                                        throw ProblemException.rule("allocation-exceeds-total", "Allocations exceed the program total",
                                                "directions would allocate " + others.add(yuan).toPlainString() + " but the program total is " + total.toPlainString());
                                    }
                                    return Direction.<Direction>findById(directionId);
                                })
                                .chain(d -> {
                                    BigDecimal previous = d.allocation;
                                    BigDecimal delta = yuan.subtract(previous);
                                    d.allocation = yuan;
                                    AllocationSetV1 event = new AllocationSetV1(programId, directionId, d.name, previous, yuan, reason);
                                    return ledger.allot(programId, directionId, delta, "allocation-set", actor)
                                            .chain(() -> ledger.allot(programId, null, delta.negate(), "allocation-set", actor))
                                            .chain(() -> outbox.publish(AllocationSetV1.TYPE, programId, event))
                                            .chain(() -> audit.record(actor, "allocation.set", "program", programId, reason,
                                                    Map.of("directionId", directionId, "previous", previous, "allocation", yuan)))
                                            .replaceWith(event);
                                });
                    });
                });
    }
}
