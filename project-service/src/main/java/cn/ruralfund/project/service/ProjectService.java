package cn.ruralfund.project.service;

import cn.ruralfund.platform.security.Actor;
import cn.ruralfund.platform.money.Money;
import cn.ruralfund.platform.audit.AuditEntry;
import cn.ruralfund.platform.audit.AuditTrail;
import cn.ruralfund.platform.contracts.AcceptanceConcludedV1;
import cn.ruralfund.platform.contracts.BudgetCommittedV1;
import cn.ruralfund.platform.contracts.PublicityClosedV1;
import cn.ruralfund.platform.contracts.BudgetRefusedV1;
import cn.ruralfund.platform.contracts.ProjectRegisteredV1;
import cn.ruralfund.platform.contracts.ViolationConfirmedV1;
import cn.ruralfund.platform.outbox.Outbox;
import cn.ruralfund.platform.problem.ProblemException;
import cn.ruralfund.platform.time.PlatformClock;
import cn.ruralfund.project.domain.Enterprise;
import cn.ruralfund.project.domain.Lines;
import cn.ruralfund.project.domain.ProgramRef;
import cn.ruralfund.project.domain.Project;
import cn.ruralfund.project.domain.Task;
import cn.ruralfund.project.domain.Tender;
import cn.ruralfund.project.domain.Violation;
import cn.ruralfund.project.service.Requests.ConfirmViolation;
import cn.ruralfund.project.service.Requests.RegisterProject;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Demonstration projects (示范项目): registered for a tender award under a program direction and task;
 * budget-service commits or refuses the budget; a confirmed violation disqualifies (R11).
 */
@ApplicationScoped
public class ProjectService {

    private static final Logger LOG = Logger.getLogger(ProjectService.class);
    static final Set<String> R11_KINDS = Set.of("FRAUD", "WITHHOLDING", "DIVERSION", "MISAPPROPRIATION");
    static final Set<String> R15_KINDS = Set.of("FALSE_CLAIM", "DUPLICATE_CLAIM");

    private final Outbox outbox;
    private final AuditTrail audit;
    private final PlatformClock clock;
    private final MeterRegistry metrics;

    private final Disqualification disqualification;

    ProjectService(Outbox outbox, AuditTrail audit, PlatformClock clock, MeterRegistry metrics, Disqualification disqualification) {
        this.disqualification = disqualification;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
        this.metrics = metrics;
    }

    public record ProjectWithTask(Project project, Task task) {
    }

    @WithTransaction
    public Uni<ProjectWithTask> register(RegisterProject request, Actor actor) {
        if (request.endDate().isBefore(request.startDate())) {
            throw ProblemException.invalid("invalid-dates", "endDate " + request.endDate() + " is before startDate " + request.startDate());
        }
        return TenderService.get(request.tenderId())
                .onFailure(ProblemException.class).transform(e -> ProblemException.rule("unknown-tender", "Unknown tender", e.getMessage()))
                .chain(tender -> {
                    if (tender.status != Tender.Status.AWARDED) {
                        throw ProblemException.rule("tender-not-awarded", "Tender not awarded",
                                "tender " + tender.reference + " has no award yet: a project is registered for an awarded enterprise (F5)");
                    }
                    return Project.<Project>find("tenderId", tender.id).firstResult().chain(existing -> {
                        if (existing != null) {
                            throw ProblemException.conflict("duplicate-project", "Project already registered",
                                    "the award of tender " + tender.reference + " is already registered as project " + existing.id);
                        }
                        return TaskService.get(tender.taskId).chain(task -> ProgramRef.<ProgramRef>findById(task.programId)
                                .chain(program -> EnterpriseService.get(tender.awardedEnterprise)
                                        .chain(enterprise -> create(request, actor, tender, task, program, enterprise))));
                    });
                });
    }

    private Uni<ProjectWithTask> create(RegisterProject request, Actor actor, Tender tender, Task task, ProgramRef program, Enterprise enterprise) {
        EnterpriseService.mustBeQualified(enterprise);
        if (request.startDate().isBefore(program.periodStart) || request.endDate().isAfter(program.periodEnd)) {
            throw ProblemException.rule("project-outside-program-period", "Project outside the program period",
                    "the project runs " + request.startDate() + ".." + request.endDate() + " but program " + program.name
                            + " runs " + program.periodStart + ".." + program.periodEnd + " (F3)");
        }
        if (request.budget().compareTo(tender.awardAmount) > 0) {
            throw ProblemException.rule("f5-budget-above-award", "Budget above the award",
                    "the budget " + Money.of(request.budget()).toPlainString() + " exceeds the award of tender " + tender.reference + ", "
                            + Money.of(tender.awardAmount).toPlainString() + " (F5): every cap is computed from the budget");
        }
        String phase = request.phase().strip();
        if (!program.phases().isEmpty() && !program.phases().contains(phase)) {
            throw ProblemException.rule("unknown-phase", "Unknown phase", "phase " + phase + " is not one of the program's phases " + program.phases());
        }
        Project p = new Project();
        p.id = UUID.randomUUID();
        p.tenderId = tender.id;
        p.taskId = task.id;
        p.programId = task.programId;
        p.directionId = task.directionId;
        p.enterpriseId = enterprise.id;
        p.enterpriseCode = enterprise.creditCode;
        p.name = request.name().strip();
        p.budget = Money.of(request.budget());
        p.township = request.township().strip();
        p.responsibleUnits = request.responsibleUnits() == null || request.responsibleUnits().isEmpty()
                ? task.responsibleUnits : Lines.join(request.responsibleUnits());
        p.startDate = request.startDate();
        p.endDate = request.endDate();
        p.phase = phase;
        p.status = Project.Status.BUDGET_PENDING;
        p.planStatus = Project.PlanStatus.NONE;
        p.createdAt = clock.now();
        p.createdBy = actor.name();
        ProjectRegisteredV1 registered = new ProjectRegisteredV1(p.id, p.programId, p.directionId, p.name, task.name,
                task.buildFirstSubsidiseAfter, enterprise.creditCode, enterprise.name, p.budget,
                new ProjectRegisteredV1.DedicatedAccount(enterprise.fundBank, enterprise.fundAccountName, enterprise.fundAccountNumber),
                request.expenseLines() == null ? List.of() : request.expenseLines().stream()
                        .map(l -> new ProjectRegisteredV1.ExpenseLine(l.category().strip(), l.description().strip(), Money.of(l.amount()))).toList(),
                p.createdAt);
        // R1, 不重复建设: the same task (hence category) again in the same township is flagged with the first project
        return Project.<Project>find("taskId = ?1 and township = ?2 and status not in ?3 order by createdAt", task.id, p.township,
                        List.of(Project.Status.REFUSED, Project.Status.DISQUALIFIED)).firstResult()
                .invoke(first -> p.duplicateOf = first == null ? null : first.id)
                .chain(() -> p.persist())
                .chain(() -> Conflicts.flushed(p, () -> ProblemException.conflict("duplicate-project", "Project already registered",
                        "the award of tender " + tender.reference + " is already registered as a project")))
                .call(() -> p.duplicateOf == null ? Uni.createFrom().voidItem() : audit.record(actor.name(), "project.duplicate-construction-flagged",
                        "project", p.id, "R1 不重复建设: project " + p.duplicateOf + " already builds task " + task.name + " in " + p.township,
                        Map.of("first", p.duplicateOf)))
                .chain(() -> outbox.publish(ProjectRegisteredV1.TYPE, p.id, registered))
                .chain(() -> audit.record(actor.name(), "project.registered", "project", p.id, "project registered; budget requested", registered))
                .invoke(() -> {
                    metrics.counter("ruralfund_project_registered_total").increment();
                    metrics.counter("ruralfund_project_budget_requested_yuan_total").increment(p.budget.doubleValue());
                })
                .replaceWith(new ProjectWithTask(p, task));
    }

    @WithSession
    public Uni<List<ProjectWithTask>> list(Actor actor) {
        Uni<List<Project>> projects = actor.isEnterprise()
                ? Project.list("enterpriseCode = ?1 order by createdAt", actor.enterprise())
                : Project.list("order by createdAt");
        return projects.chain(list -> {
            List<UUID> taskIds = list.stream().map(p -> p.taskId).distinct().toList();
            Uni<List<Task>> tasks = taskIds.isEmpty() ? Uni.createFrom().item(List.of()) : Task.list("id in ?1", taskIds);
            return tasks.map(ts -> {
                Map<UUID, Task> byId = ts.stream().collect(Collectors.toMap(t -> t.id, Function.identity()));
                return list.stream().map(p -> new ProjectWithTask(p, byId.get(p.taskId))).toList();
            });
        });
    }

    @WithSession
    public Uni<ProjectWithTask> find(UUID id, Actor actor) {
        return visible(id, actor).chain(p -> Task.<Task>findById(p.taskId).map(t -> new ProjectWithTask(p, t)));
    }

    @WithSession
    public Uni<List<AuditEntry>> history(UUID id, Actor actor) {
        return visible(id, actor).chain(() -> audit.history("project", id));
    }

    /** Inside a session: the project, if the actor may see it (an enterprise only its own). */
    public static Uni<Project> visible(UUID id, Actor actor) {
        return Project.<Project>findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("project", id))
                .invoke(p -> actor.mustOwn(p.enterpriseCode, "project " + id));
    }

    /** In the consumer's transaction. */
    public Uni<Void> apply(BudgetCommittedV1 committed, String source) {
        return Project.<Project>findById(committed.projectId(), LockModeType.PESSIMISTIC_WRITE).chain(p -> {
            if (p == null) {
                LOG.warnf("budget committed for unknown project %s: ignored", committed.projectId());
                return Uni.createFrom().voidItem();
            }
            String action;
            if (p.status == Project.Status.BUDGET_PENDING || p.status == Project.Status.REFUSED) {
                p.status = Project.Status.ACTIVE;
                p.statusReason = null;
                action = "project.budget-committed";
            } else {
                action = "project.budget-amended";
            }
            return audit.record(Actor.event(source).name(), action, "project", p.id,
                    committed.reason() == null ? "budget committed by budget-service" : committed.reason(), committed);
        });
    }

    /** In the consumer's transaction: the refusal stays visible on the project with its reason. */
    public Uni<Void> apply(BudgetRefusedV1 refused, String source) {
        return Project.<Project>findById(refused.projectId(), LockModeType.PESSIMISTIC_WRITE).chain(p -> {
            if (p == null) {
                LOG.warnf("budget refused for unknown project %s: ignored", refused.projectId());
                return Uni.createFrom().voidItem();
            }
            if (p.status == Project.Status.BUDGET_PENDING) {
                p.status = Project.Status.REFUSED;
                p.statusReason = refused.reason() + (refused.problemType() == null ? "" : " (" + refused.problemType() + ")");
            }
            return audit.record(Actor.event(source).name(), "project.budget-refused", "project", p.id, refused.reason(), refused);
        });
    }

    /** In the consumer's transaction: PASS ends construction (no more progress supervision); FAIL is kept with its reason. */
    public Uni<Void> apply(AcceptanceConcludedV1 concluded, String source) {
        return Project.<Project>findById(concluded.projectId(), LockModeType.PESSIMISTIC_WRITE).chain(p -> {
            if (p == null) {
                LOG.warnf("acceptance concluded for unknown project %s: ignored", concluded.projectId());
                return Uni.createFrom().voidItem();
            }
            boolean pass = AcceptanceConcludedV1.PASS.equals(concluded.conclusion());
            p.acceptance = pass ? "PASS" : "FAIL";
            p.acceptanceReason = concluded.reason() == null ? concluded.detail()
                    : concluded.reason() + (concluded.detail() == null ? "" : ": " + concluded.detail());
            p.acceptedAt = concluded.concludedAt();
            if (p.status != Project.Status.DISQUALIFIED) {
                p.status = pass ? Project.Status.ACCEPTED : Project.Status.ACCEPTANCE_FAILED;
                p.statusReason = pass ? null : p.acceptanceReason;
            }
            return audit.record(Actor.event(source).name(), pass ? "project.accepted" : "project.acceptance-failed", "project", p.id,
                    "acceptance concluded " + concluded.conclusion() + " (R4)", concluded);
        });
    }

    /** In the consumer's transaction: the publicity of the project closed (R5), with or without an upheld objection. */
    public Uni<Void> apply(PublicityClosedV1 closed, String source) {
        if (closed.projectId() == null) {
            return Uni.createFrom().voidItem();
        }
        return Project.<Project>findById(closed.projectId(), LockModeType.PESSIMISTIC_WRITE).chain(p -> {
            if (p == null) {
                return Uni.createFrom().voidItem();
            }
            p.publicityClosedOn = closed.closedOn();
            p.objectionUpheld = closed.objectionUpheld();
            return audit.record(Actor.event(source).name(), "project.publicity-closed", "project", p.id,
                    closed.kind() + " publicity closed " + (closed.objectionUpheld() ? "with an upheld objection" : "without upheld objection") + " (R5)",
                    closed);
        });
    }

    /**
     * R11 (fraud, withholding, diversion, misappropriation) or R15 (false or duplicate claim): the
     * project is disqualified, the enterprise barred from new projects; budget-service hears of both
     * to stop payment and recover the money.
     */
    @WithTransaction
    public Uni<Violation> confirmViolation(UUID projectId, ConfirmViolation request, Actor actor) {
        String kind = request.kind().strip();
        String rule = R11_KINDS.contains(kind) ? "R11" : R15_KINDS.contains(kind) ? "R15" : null;
        if (rule == null) {
            throw ProblemException.invalid("unknown-violation-kind", "kind must be one of FRAUD, WITHHOLDING, DIVERSION, MISAPPROPRIATION (R11), FALSE_CLAIM, DUPLICATE_CLAIM (R15)");
        }
        return visible(projectId, actor).chain(p -> confirm(p, UUID.randomUUID(), kind, rule, request.amount(), request.description().strip(), actor.name()));
    }

    /**
     * In the caller's transaction: the violation of project {@code p} is recorded under {@code violationId}, published
     * (budget-service stops payment and recovers {@code amount}) and the enterprise disqualified. Shared by the office's
     * request and the R15 duplicate claims acceptance-service confirms.
     */
    public Uni<Violation> confirm(Project p, UUID violationId, String kind, String rule, BigDecimal amount, String description, String actorName) {
        return EnterpriseService.get(p.enterpriseId).chain(enterprise -> {
            Violation v = new Violation();
            v.id = violationId;
            v.enterpriseId = enterprise.id;
            v.projectId = p.id;
            v.kind = kind;
            v.detail = description;
            v.confirmedAt = clock.now();
            v.confirmedBy = actorName;
            String reason = rule + " violation " + kind + " confirmed on project " + p.name + ": " + v.detail;
            ViolationConfirmedV1 confirmed = new ViolationConfirmedV1(v.id, p.id, enterprise.creditCode, kind, rule,
                    Money.of(amount), v.detail, v.confirmedAt);
            Map<String, Object> detail = new HashMap<>();
            detail.put("violationId", v.id);
            detail.put("kind", kind);
            detail.put("amount", amount);
            return v.persist()
                    .chain(() -> outbox.publish(ViolationConfirmedV1.TYPE, p.id, confirmed))
                    .chain(() -> audit.record(actorName, "project.violation-confirmed", "project", p.id, reason, detail))
                    .chain(() -> disqualification.disqualify(enterprise, p, rule, reason, false, actorName))
                    .replaceWith(v);
        });
    }
}
