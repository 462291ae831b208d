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
        e.kind = kind.name();
        e.programId = programId;
        e.directionId = directionId;
        e.projectId = projectId;
        e.enterpriseCode = enterprise;
        e.amount = Money.of(amount);
        e.reference = reference;
        e.actor = actor;
        return e.persist().replaceWithVoid();
    }

    public Uni<Balances> ofProgram(UUID programId) {
        return sums("e.programId = :id", programId).map(Balances::of);
    }

    public Uni<Balances> ofProject(UUID projectId) {
        return sums("e.projectId = :id", projectId).map(Balances::of);
    }

    public Uni<Balances> ofEnterprise(String creditCode) {
        return sums("e.enterpriseCode = :id", creditCode).map(Balances::of);
    }

    /** Balances of each direction of a program, by direction id (the program's unallocated part under null is left out). */
    public Uni<Map<UUID, Balances>> ofDirections(UUID programId) {
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                        "select e.directionId, e.kind, sum(e.amount) from LedgerEntry e where e.programId = :id and e.directionId is not null group by e.directionId, e.kind",
                        Object[].class).setParameter("id", programId).getResultList())
                .map(rows -> {
                    Map<UUID, Map<String, BigDecimal>> sums = new LinkedHashMap<>();
                    for (Object[] r : rows) {
                        sums.computeIfAbsent((UUID) r[0], k -> new HashMap<>()).put((String) r[1], (BigDecimal) r[2]);
                    }
                    Map<UUID, Balances> out = new LinkedHashMap<>();
                    sums.forEach((k, v) -> out.put(k, Balances.of(v)));
                    return out;
                });
    }

    /** Balances of every program, by program id (for the gauges). */
    public Uni<Map<UUID, Balances>> ofAllPrograms() {
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                        "select e.programId, e.kind, sum(e.amount) from LedgerEntry e group by e.programId, e.kind", Object[].class)
                .getResultList())
                .map(rows -> {
                    Map<UUID, Map<String, BigDecimal>> sums = new LinkedHashMap<>();
                    for (Object[] r : rows) {
                        sums.computeIfAbsent((UUID) r[0], k -> new HashMap<>()).put((String) r[1], (BigDecimal) r[2]);
                    }
                    Map<UUID, Balances> out = new LinkedHashMap<>();
                    sums.forEach((k, v) -> out.put(k, Balances.of(v)));
                    return out;
                });
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
                        m.put((String) r[0], (BigDecimal) r[1]);
                    }
                    return m;
                });
    }
}
