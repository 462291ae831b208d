package cn.ruralfund.budget.service;

import cn.ruralfund.platform.money.Money;
import cn.ruralfund.budget.domain.BudgetRevision;
import cn.ruralfund.budget.domain.ExpenseCategory;
import cn.ruralfund.budget.domain.ExpenseLine;
import cn.ruralfund.budget.domain.LedgerEntry;
import cn.ruralfund.budget.domain.Program;
import cn.ruralfund.budget.domain.ProjectBudget;
import cn.ruralfund.budget.domain.ProjectFunds;
import cn.ruralfund.platform.audit.AuditTrail;
import cn.ruralfund.platform.contracts.BudgetCommittedV1;
import cn.ruralfund.platform.contracts.BudgetRefusedV1;
import cn.ruralfund.platform.contracts.ProgressReportedV1;
import cn.ruralfund.platform.contracts.ProjectRegisteredV1;
import cn.ruralfund.platform.outbox.Outbox;
import cn.ruralfund.platform.problem.Problem;
import cn.ruralfund.platform.problem.ProblemException;
import cn.ruralfund.platform.time.PlatformClock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Project budgets: committed against their direction when a project is registered (or refused with a reason that
 * project-service hears of), amended (增减) with history. The direction's row is locked while its room is counted,
 * so two commitments can never together pass its allocation.
 */
@ApplicationScoped
public class BudgetService {

    private final Outbox outbox;
    private final AuditTrail audit;
    private final Ledger ledger;
    private final PlatformClock clock;
    private final Access access;

    BudgetService(Outbox outbox, AuditTrail audit, Ledger ledger, PlatformClock clock, Access access) {
        this.outbox = outbox;
        this.audit = audit;
        this.ledger = ledger;
        this.clock = clock;
        this.access = access;
    }

    /** The locked room of a direction: its allocation and what its projects have committed. */
    public record DirectionRoom(UUID directionId, UUID programId, BigDecimal allocation, BigDecimal committed) {
        public BigDecimal remaining() {
            return allocation.subtract(committed);
        }
    }

    /** Locks the direction's row (SELECT ... FOR UPDATE) and counts its room; null when it does not exist. */
    public Uni<DirectionRoom> lockDirection(UUID directionId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                                "select program_id, allocation from program_direction where id = :id for update", Object[].class)
                        .setParameter("id", directionId).getResultList())
                .chain(rows -> {
                    if (rows.isEmpty()) {
                        return Uni.createFrom().nullItem();
                    }
                    UUID programId = (UUID) rows.get(0)[0];
                    BigDecimal allocation = (BigDecimal) rows.get(0)[1];
                    return Panache.getSession().chain(s -> s.createSelectionQuery(
                                    "select coalesce(sum(p.committed), 0) from ProjectBudget p where p.directionId = :d", BigDecimal.class)
                            .setParameter("d", directionId).getSingleResult())
                            .map(committed -> new DirectionRoom(directionId, programId, allocation, committed));
                });
    }

    /** ProjectRegistered: commit the budget, or refuse it with a reason. Runs in the consumer's transaction. */
    public Uni<Void> register(ProjectRegisteredV1 e, String actor) {
        return ProjectBudget.<ProjectBudget>findById(e.projectId()).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().voidItem(); // registered before: a re-announcement changes nothing
            }
            if (e.budget() == null || e.budget().signum() <= 0 || e.budget().stripTrailingZeros().scale() > 2
                    || e.enterpriseCreditCode() == null || e.enterpriseCreditCode().isBlank()) {
                return refuse(e, null, "invalid-budget", "the budget must be a positive amount in yuan with at most two decimals, with an enterprise");
            }
            return lockDirection(e.directionId()).chain(room -> {
                if (room == null || !room.programId().equals(e.programId())) {
                    return refuse(e, null, "unknown-direction", "direction " + e.directionId() + " is not a direction of program " + e.programId());
                }
                return checkLines(e).chain(problem -> {
                    if (problem != null) {
                        return refuse(e, room.remaining(), problem.slug, problem.detail);
                    }
                    if (e.budget().compareTo(room.remaining()) > 0) {
                        return refuse(e, room.remaining(), "direction-allocation-exceeded",
                                "the budget " + e.budget().toPlainString() + " exceeds what is left of the direction's allocation: "
                                        + room.remaining().toPlainString() + " of " + room.allocation().toPlainString());
                    }
                    return commit(e, actor);
                });
            });
        });
    }

    private record LineProblem(String slug, String detail) {
    }

    /** R1: no line in a prohibited (or unknown, or disabled) category; the lines fit in the budget. */
    private Uni<LineProblem> checkLines(ProjectRegisteredV1 e) {
        List<ProjectRegisteredV1.ExpenseLine> lines = e.expenseLines() == null ? List.of() : e.expenseLines();
        if (lines.isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        Set<String> codes = new HashSet<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (var l : lines) {
            if (l == null || l.category() == null || l.amount() == null || l.amount().signum() <= 0 || l.amount().stripTrailingZeros().scale() > 2) {
                return Uni.createFrom().item(new LineProblem("invalid-expense-line", "every expense line needs a category and a positive amount"));
            }
            codes.add(l.category());
            sum = sum.add(l.amount());
        }
        BigDecimal total = sum;
        return ExpenseCategory.<ExpenseCategory>list("code in ?1", codes).map(found -> {
            Map<String, ExpenseCategory> byCode = found.stream().collect(Collectors.toMap(c -> c.code, Function.identity()));
            for (String code : codes) {
                ExpenseCategory c = byCode.get(code);
                if (c != null && c.prohibited) {
                    return new LineProblem("r1-prohibited-use", "the fund may not pay for " + c.name + " (" + c.code + ", R1)");
                }
                if (c == null || !c.enabled) {
                    return new LineProblem("unknown-expense-category", "expense category " + code + " is unknown or disabled");
                }
            }
            if (total.compareTo(e.budget()) > 0) {
                return new LineProblem("expense-lines-exceed-budget", "the expense lines add up to " + total.toPlainString() + ", more than the budget");
            }
            return null;
        });
    }

    private Uni<Void> commit(ProjectRegisteredV1 e, String actor) {
        ProjectBudget p = new ProjectBudget();
        p.projectId = e.projectId();
        p.programId = e.programId();
        p.directionId = e.directionId();
        p.projectName = e.projectName();
        p.task = e.task() == null ? "" : e.task();
        p.buildFirst = e.buildFirstSubsidiseAfter();
        p.enterpriseCode = e.enterpriseCreditCode();
        p.enterpriseName = e.enterpriseName() == null ? e.enterpriseCreditCode() : e.enterpriseName();
        if (e.dedicatedAccount() != null) {
            p.bankName = e.dedicatedAccount().bankName();
            p.accountName = e.dedicatedAccount().accountName();
            p.accountNumber = e.dedicatedAccount().accountNumber();
        }
        p.requested = Money.of(e.budget());
        p.committed = Money.of(e.budget());
        p.preRequested = Money.ZERO;
        p.acceptanceRequested = Money.ZERO;
        p.paid = Money.ZERO;
        p.recovered = Money.ZERO;
        p.status = ProjectBudget.Status.COMMITTED;
        p.revision = 1;
        p.registeredAt = clock.now();
        BudgetRevision r = revision(p, Money.ZERO, "committed on registration", actor);
        Uni<Void> lines = Uni.createFrom().voidItem();
        if (e.expenseLines() != null) {
            for (var l : e.expenseLines()) {
                ExpenseLine line = new ExpenseLine();
                line.id = UUID.randomUUID();
                line.projectId = p.projectId;
                line.category = l.category();
                line.description = l.description() == null ? "" : l.description();
                line.amount = Money.of(l.amount());
                line.createdAt = clock.now();
                line.createdBy = actor;
                lines = lines.call(() -> line.persist());
            }
        }
        Uni<Void> linesFinal = lines;
        return Program.<Program>findById(e.programId()).invoke(program -> p.preDisbursementCapPercent = program.preDisbursementCapPercent)
                .chain(() -> p.persist())
                .chain(() -> Panache.getSession().chain(s -> s.flush()))
                .chain(() -> r.persist())
                .chain(() -> linesFinal)
                .chain(() -> ledger.project(LedgerEntry.Kind.COMMIT, p, p.committed, "project-registered", actor))
                .chain(() -> outbox.publish(BudgetCommittedV1.TYPE, p.projectId, committed(p, p.committed, "committed on registration")))
                .chain(() -> audit.record(actor, "budget.committed", "project", p.projectId, "project registered", committed(p, p.committed, null)))
                .replaceWithVoid();
    }

    private Uni<Void> refuse(ProjectRegisteredV1 e, BigDecimal remaining, String slug, String reason) {
        var refused = new BudgetRefusedV1(e.projectId(), e.programId(), e.directionId(), e.budget(), remaining,
                Problem.TYPE_BASE + slug, reason);
        return outbox.publish(BudgetRefusedV1.TYPE, e.projectId(), refused)
                .chain(() -> audit.record("event:project-service", "budget.refused", "project", e.projectId(), reason, refused))
                .replaceWithVoid();
    }

    /** R2: the latest progress reported on a project; an older report arriving late changes nothing. */
    public Uni<Void> progressReported(ProgressReportedV1 e) {
        return ProjectBudget.<ProjectBudget>findById(e.projectId(), LockModeType.PESSIMISTIC_WRITE).invoke(p -> {
            if (p != null && (p.progressReportedOn == null || !e.reportedOn().isBefore(p.progressReportedOn))) {
                p.progressPercent = e.percentDone().setScale(2, java.math.RoundingMode.UNNECESSARY);
                p.progressReportedOn = e.reportedOn();
            }
        }).replaceWithVoid();
    }

    /**
     * An amendment (增减) of the committed budget, with its reason; history is kept. F5: the registered budget is bounded
     * by the tender award and every cap is computed from the budget, so raising it above the registered budget needs the
     * leading group's decision ({@code leadingGroupDecision}, given only when the caller is the leading group).
     */
    @WithTransaction
    public Uni<ProjectBudget> amend(UUID projectId, BigDecimal newCommitted, String reason, String leadingGroupDecision, String actor) {
        return ProjectBudget.<ProjectBudget>findById(projectId, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("project", projectId))
                .invoke(p -> {
                    if (newCommitted.compareTo(p.requested) > 0 && (leadingGroupDecision == null || leadingGroupDecision.isBlank())) {
                        throw ProblemException.rule("f5-amendment-above-registered-budget", "Above the registered budget",
                                "raising the budget above the " + p.requested.toPlainString() + " registered for the award (F5) needs the "
                                        + "leading group's decision: the leading group amends it with decisionReference");
                    }
                })
                .chain(p -> lockDirection(p.directionId).chain(room -> {
                    ProjectFunds funds = p.funds();
                    BigDecimal previous = p.committed;
                    BigDecimal change = funds.amend(Money.of(newCommitted));
                    if (change.signum() == 0) {
                        throw ProblemException.conflict("amendment-unchanged", "Nothing to amend",
                                "the committed budget is already " + previous.toPlainString());
                    }
                    if (change.compareTo(room.remaining()) > 0) {
                        throw ProblemException.rule("direction-allocation-exceeded", "Beyond the direction's allocation",
                                "raising the budget by " + change.toPlainString() + " exceeds what is left of the direction's allocation: "
                                        + room.remaining().toPlainString());
                    }
                    p.take(funds);
                    p.revision++;
                    BudgetRevision r = revision(p, previous, leadingGroupDecision == null ? reason
                            : reason + " (领导小组决定 " + leadingGroupDecision + ")", actor);
                    return r.persist()
                            .chain(() -> change.signum() > 0
                                    ? ledger.project(LedgerEntry.Kind.COMMIT, p, change, "amendment-" + p.revision, actor)
                                    : ledger.project(LedgerEntry.Kind.RELEASE, p, change.negate(), "amendment-" + p.revision, actor))
                            .chain(() -> outbox.publish(BudgetCommittedV1.TYPE, p.projectId, committed(p, change, reason)))
                            .chain(() -> audit.record(actor, "budget.amended", "project", p.projectId, reason, r))
                            .replaceWith(p);
                }));
    }

    @WithSession
    public Uni<ProjectBudget> find(UUID projectId) {
        return access.project(projectId);
    }

    @WithSession
    public Uni<List<BudgetRevision>> revisions(UUID projectId) {
        return access.project(projectId).chain(p -> BudgetRevision.<BudgetRevision>find("projectId = ?1 order by revision", projectId).list());
    }

    @WithSession
    public Uni<List<ProjectBudget>> list(UUID programId, String enterprise) {
        if (enterprise != null) {
            access.checkEnterprise(enterprise);
            return ProjectBudget.<ProjectBudget>find("enterpriseCode = ?1 order by registeredAt", enterprise).list();
        }
        if (programId != null) {
            return ProjectBudget.<ProjectBudget>find("programId = ?1 order by registeredAt", programId).list();
        }
        return ProjectBudget.<ProjectBudget>find("order by registeredAt").list();
    }

    private BudgetRevision revision(ProjectBudget p, BigDecimal previous, String reason, String actor) {
        BudgetRevision r = new BudgetRevision();
        r.projectId = p.projectId;
        r.revision = p.revision;
        r.previous = previous;
        r.committed = p.committed;
        r.change = p.committed.subtract(previous);
        r.reason = reason;
        r.at = clock.now();
        r.actor = actor;
        return r;
    }

    static BudgetCommittedV1 committed(ProjectBudget p, BigDecimal change, String reason) {
        return new BudgetCommittedV1(p.projectId, p.programId, p.directionId, p.enterpriseCode, p.committed, change, p.revision, reason);
    }
}
