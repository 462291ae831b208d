package cn.ruralfund.budget.service;

import cn.ruralfund.platform.money.Money;
import cn.ruralfund.budget.domain.Balances;
import cn.ruralfund.budget.domain.LedgerEntry;
import cn.ruralfund.budget.domain.ProjectBudget;
import cn.ruralfund.platform.time.PlatformClock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The ledger: every movement of money is an entry written in the transaction of the change; balances are sums of entries. */
@ApplicationScoped
public class Ledger {

    private final PlatformClock clock;

    Ledger(PlatformClock clock) {
        this.clock = clock;
    }

    public Uni<Void> allot(UUID programId, UUID directionId, BigDecimal amount, String reference, String actor) {
        return entry(LedgerEntry.Kind.ALLOT, programId, directionId, null, null, amount, reference, actor);
    }

    public Uni<Void> project(LedgerEntry.Kind kind, ProjectBudget p, BigDecimal amount, String reference, String actor) {
        return entry(kind, p.programId, p.directionId, p.projectId, p.enterpriseCode, amount, reference, actor);
    }

    private Uni<Void> entry(LedgerEntry.Kind kind, UUID programId, UUID directionId, UUID projectId, String enterprise,
                            BigDecimal amount, String reference, String actor) {
        if (amount.signum() == 0) {
            return Uni.createFrom().voidItem();
        }
        LedgerEntry e = new LedgerEntry();
        e.at = clock.now();
        e.kind = kind;
        e.programId = programId;
        e.directionId = directionId;
        e.projectId = projectId;
        e.enterpriseCode = enterprise;
        e.amount = Money.of(amount);
        e.reference = reference;
        e.actor = actor;
        return e.persist().replaceWithVoid();
    }

    /*
     * Balances are read from the maintained figures (table ledger_balance, V6): sums by kind that a trigger on
     * ledger_entry adds each entry to, in the entry's transaction. One indexed row per program, direction, project
     * or enterprise instead of a sum over its entries per request; MaintainedBalancesTest reconciles them with the
     * entries after concurrent changes, and bench/run-all.sh checks them after its load.
     */
    private static final String SUMS = "b.allotSum, b.commitSum, b.releaseSum, b.preDisburseSum, b.paySum, b.recoverSum";

    public Uni<Balances> ofProgram(UUID programId) {
        return maintained("PROGRAM", programId.toString());
    }

    public Uni<Balances> ofProject(UUID projectId) {
        return maintained("PROJECT", projectId.toString());
    }

    public Uni<Balances> ofEnterprise(String creditCode) {
        return maintained("ENTERPRISE", creditCode);
    }

    /** A program's balances and those of each of its directions, by direction id, in one query. */
    public record ProgramFigures(Balances total, Map<UUID, Balances> byDirection) {
    }

    public Uni<ProgramFigures> ofProgramAndDirections(UUID programId) {
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                        "select b.id.scope, b.id.scopeKey, " + SUMS + " from LedgerBalance b where b.programId = :id and b.id.scope in ('PROGRAM', 'DIRECTION')",
                        Object[].class).setParameter("id", programId).getResultList())
                .map(rows -> {
                    Balances total = Balances.ZERO;
                    Map<UUID, Balances> byDirection = new LinkedHashMap<>();
                    for (Object[] r : rows) {
                        Balances b = balances(r, 2);
                        if ("PROGRAM".equals(r[0])) {
                            total = b;
                        } else {
                            byDirection.put(UUID.fromString((String) r[1]), b);
                        }
                    }
                    return new ProgramFigures(total, byDirection);
                });
    }

    /** Balances of each direction of a program, by direction id (the program's unallocated part under null is left out). */
    public Uni<Map<UUID, Balances>> ofDirections(UUID programId) {
        return ofProgramAndDirections(programId).map(ProgramFigures::byDirection);
    }

    /** Balances of every program, by program id (for the gauges). */
    public Uni<Map<UUID, Balances>> ofAllPrograms() {
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                        "select b.id.scopeKey, " + SUMS + " from LedgerBalance b where b.id.scope = 'PROGRAM'", Object[].class).getResultList())
                .map(rows -> {
                    Map<UUID, Balances> out = new LinkedHashMap<>();
                    for (Object[] r : rows) {
                        out.put(UUID.fromString((String) r[0]), balances(r, 1));
                    }
                    return out;
                });
    }

    private Uni<Balances> maintained(String scope, String key) {
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                        "select " + SUMS + " from LedgerBalance b where b.id.scope = :scope and b.id.scopeKey = :key", Object[].class)
                .setParameter("scope", scope).setParameter("key", key).getResultList())
                .map(rows -> rows.isEmpty() ? Balances.ZERO : balances(rows.get(0), 0));
    }

    private static Balances balances(Object[] row, int from) {
        Map<String, BigDecimal> sums = new HashMap<>();
        String[] kinds = {"ALLOT", "COMMIT", "RELEASE", "PRE_DISBURSE", "PAY", "RECOVER"};
        for (int i = 0; i < kinds.length; i++) {
            sums.put(kinds[i], Money.of((BigDecimal) row[from + i]));
        }
        return Balances.of(sums);
    }

    /** Balances summed from the entries themselves (the source the maintained figures are reconciled with). */
    public Uni<Balances> summedOfProgram(UUID programId) {
        return sums("e.programId = :id", programId).map(Balances::of);
    }

    public Uni<List<LedgerEntry>> entriesOfProject(UUID projectId) {
        return LedgerEntry.<LedgerEntry>find("projectId = ?1 order by id", projectId).list();
    }

    public Uni<List<LedgerEntry>> entriesOfProgram(UUID programId) {
        return LedgerEntry.<LedgerEntry>find("programId = ?1 order by id", programId).list();
    }

    private Uni<Map<String, BigDecimal>> sums(String where, Object id) {
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                        "select e.kind, sum(e.amount) from LedgerEntry e where " + where + " group by e.kind", Object[].class)
                .setParameter("id", id).getResultList())
                .map(rows -> {
                    Map<String, BigDecimal> m = new HashMap<>();
                    for (Object[] r : rows) {
                        m.put(((LedgerEntry.Kind) r[0]).name(), (BigDecimal) r[1]);
                    }
                    return m;
                });
    }
}
