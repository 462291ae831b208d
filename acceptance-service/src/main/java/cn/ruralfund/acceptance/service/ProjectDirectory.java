package cn.ruralfund.acceptance.service;

import cn.ruralfund.platform.security.Actor;
import cn.ruralfund.acceptance.domain.Application;
import cn.ruralfund.acceptance.domain.Postponement;
import cn.ruralfund.acceptance.domain.Program;
import cn.ruralfund.acceptance.domain.Project;
import cn.ruralfund.platform.audit.AuditTrail;
import cn.ruralfund.platform.contracts.EnterpriseDisqualifiedV1;
import cn.ruralfund.platform.contracts.ProgramCreatedV1;
import cn.ruralfund.platform.contracts.ProgramRulesSetV1;
import cn.ruralfund.platform.contracts.ProjectRegisteredV1;
import cn.ruralfund.platform.inbox.PoisonMessageException;
import cn.ruralfund.platform.problem.ProblemException;
import cn.ruralfund.platform.time.PlatformClock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The projects acceptance-service knows (from project-service's events) and their acceptance deadlines:
 * by default the last day of the program's period (from budget-service's program-created), moved only by a
 * recorded R14 postponement (推迟验收).
 */
@ApplicationScoped
public class ProjectDirectory {

    private final AuditTrail audit;
    private final PlatformClock clock;

    ProjectDirectory(AuditTrail audit, PlatformClock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /** project-registered: remember the project; its deadline is the program's end once that is known. Runs in the Inbox's transaction. */
    public Uni<Void> register(ProjectRegisteredV1 r, String actor) {
        if (r.projectId() == null || r.programId() == null || r.enterpriseCreditCode() == null || r.budget() == null
                || r.projectName() == null || r.task() == null) {
            throw new PoisonMessageException("project-registered lacks projectId, programId, projectName, task, enterpriseCreditCode or budget", null);
        }
        return lockProgram(r.programId()).chain(() -> Project.<Project>findById(r.projectId())).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().voidItem(); // registered once; a replay changes nothing
            }
            return Program.<Program>findById(r.programId()).chain(program -> {
                Project p = new Project();
                p.id = r.projectId();
                p.programId = r.programId();
                p.name = r.projectName();
                p.task = r.task();
                p.enterpriseCode = r.enterpriseCreditCode();
                p.enterpriseName = r.enterpriseName() == null ? r.enterpriseCreditCode() : r.enterpriseName();
                p.budget = r.budget().setScale(2, RoundingMode.UNNECESSARY);
                p.deadline = program == null ? null : program.periodEnd;
                p.registeredAt = r.registeredAt() == null ? clock.now() : r.registeredAt();
                return p.persist().chain(() -> audit.record(actor, "project.known", "project", p.id,
                        "registered by project-service", Map.of("deadline", String.valueOf(p.deadline))));
            });
        });
    }

    /** program-created: the program's end becomes the deadline of its projects that have none yet. */
    public Uni<Void> program(ProgramCreatedV1 c) {
        if (c.programId() == null || c.periodEnd() == null) {
            throw new PoisonMessageException("program-created lacks programId or periodEnd", null);
        }
        return lockProgram(c.programId()).chain(() -> Program.<Program>findById(c.programId())).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().voidItem();
            }
            Program p = new Program();
            p.id = c.programId();
            p.name = c.name() == null ? c.programId().toString() : c.name();
            p.county = c.county();
            p.periodEnd = c.periodEnd().atEndOfMonth();
            return p.persist().chain(() -> Project.update("deadline = ?1 where programId = ?2 and deadline is null", p.periodEnd, p.id))
                    .replaceWithVoid();
        });
    }

    /**
     * program-rules-set: the program's smallest acceptance team (R4) from now on; the latest rules apply. budget-service
     * publishes them with the program, after program-created and on the same partition, so the program is known: if it
     * is not, the handler fails and the Inbox retries, then dead-letters, rather than lose the rule.
     */
    public Uni<Void> rules(ProgramRulesSetV1 r, String actor) {
        return lockProgram(r.programId()).chain(() -> Program.<Program>findById(r.programId())).chain(program -> {
            if (program == null) {
                throw new IllegalStateException("program-rules-set for program " + r.programId() + " before its program-created");
            }
            Integer before = program.acceptanceTeamMinimum;
            program.acceptanceTeamMinimum = r.acceptanceTeamMinimum();
            return audit.record(actor, "program.rules-set", "program", program.id, "R4: acceptance team of at least " + r.acceptanceTeamMinimum(),
                    Map.of("acceptanceTeamMinimum", r.acceptanceTeamMinimum(), "before", String.valueOf(before)));
        });
    }

    /** enterprise-disqualified: its projects (or those named) take no more applications; open applications close. */
    public Uni<Void> disqualify(EnterpriseDisqualifiedV1 d, String actor) {
        if (d.enterpriseCreditCode() == null) {
            throw new PoisonMessageException("enterprise-disqualified lacks enterpriseCreditCode", null);
        }
        return Project.<Project>list("enterpriseCode", d.enterpriseCreditCode()).chain(projects -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Project p : projects) {
                if (d.projectIds() != null && !d.projectIds().isEmpty() && !d.projectIds().contains(p.id)) {
                    continue;
                }
                p.disqualified = true;
                chain = chain.chain(() -> Application.update("status = ?1 where projectId = ?2 and status in ?3", Application.Status.CLOSED,
                                p.id, List.of(Application.Status.DRAFT, Application.Status.SUBMITTED, Application.Status.INCOMPLETE,
                                        Application.Status.UNDER_REVIEW, Application.Status.REOPENED)))
                        .chain(() -> audit.record(actor, "project.disqualified", "project", p.id,
                                d.rule() + ": " + d.reason(), Map.of("rule", String.valueOf(d.rule()))));
            }
            return chain;
        });
    }

    /**
     * A transaction-scoped advisory lock on the program: a project and its program arrive on two topics, in either
     * order and possibly at once; serialised, the later of the two always sees the other and the deadline is set.
     */
    private static Uni<Void> lockProgram(UUID programId) {
        long key = programId.getMostSignificantBits() ^ programId.getLeastSignificantBits();
        return Panache.getSession().chain(s -> s.createNativeQuery("select cast(pg_advisory_xact_lock(:key) as text)", String.class)
                .setParameter("key", key).getSingleResult()).replaceWithVoid();
    }

    /** R14: the office postpones the acceptance deadline (performance goals not fully met: faster work, later acceptance). */
    @WithTransaction
    public Uni<Project> postpone(UUID projectId, Commands.Postpone cmd, Actor actor) {
        return Project.<Project>findById(projectId, LockModeType.PESSIMISTIC_WRITE).chain(p -> {
            if (p == null) {
                throw ProblemException.notFound("project", projectId);
            }
            if (p.disqualified) {
                throw ProblemException.rule("r11-disqualified", "Enterprise disqualified", "the enterprise of project " + projectId + " is disqualified");
            }
            if (AcceptanceOutcome.PASS.equals(p.acceptance)) {
                throw ProblemException.conflict("r14-already-accepted", "Already accepted", "project " + projectId + " already passed acceptance");
            }
            if (p.deadline != null && !cmd.newDeadline().isAfter(p.deadline)) {
                throw ProblemException.rule("r14-postponement-not-later", "A postponement moves the deadline later",
                        "the new deadline " + cmd.newDeadline() + " is not after the current one " + p.deadline);
            }
            if (!cmd.newDeadline().isAfter(clock.today())) {
                throw ProblemException.rule("r14-postponement-in-past", "A postponement lies in the future",
                        "the new deadline " + cmd.newDeadline() + " is not after today " + clock.today());
            }
            if (AcceptanceOutcome.FAIL.equals(p.acceptance) && AcceptanceOutcome.DEADLINE_MISSED.equals(p.acceptanceReason)) {
                throw ProblemException.conflict("r8-deadline-missed", "Deadline already missed",
                        "project " + projectId + " already failed acceptance for its missed deadline " + p.deadline);
            }
            Postponement x = new Postponement();
            x.id = UUID.randomUUID();
            x.projectId = p.id;
            x.fromDeadline = p.deadline;
            x.toDeadline = cmd.newDeadline();
            x.reason = cmd.reason();
            x.decidedBy = actor.name();
            x.decidedAt = clock.now();
            p.deadline = cmd.newDeadline();
            return x.persist().chain(() -> audit.record(actor.name(), "deadline.postponed", "project", p.id, "R14: " + cmd.reason(),
                    Map.of("from", String.valueOf(x.fromDeadline), "to", String.valueOf(x.toDeadline)))).replaceWith(p);
        });
    }

    @WithSession
    public Uni<Project> find(UUID projectId, Actor actor) {
        return visible(projectId, actor);
    }

    @WithSession
    public Uni<List<Project>> list(Actor actor) {
        return actor.isEnterprise() ? Project.list("enterpriseCode = ?1 order by registeredAt", actor.enterprise())
                : Project.list("order by registeredAt");
    }

    @WithSession
    public Uni<List<Postponement>> postponements(UUID projectId, Actor actor) {
        return visible(projectId, actor).chain(p -> Postponement.list("projectId = ?1 order by decidedAt", projectId));
    }

    /** The project, if the actor may see it: an enterprise sees only its own. */
    static Uni<Project> visible(UUID projectId, Actor actor) {
        return Project.<Project>findById(projectId).map(p -> {
            if (p == null) {
                throw ProblemException.notFound("project", projectId);
            }
            actor.mustOwn(p.enterpriseCode, "project " + projectId);
            return p;
        });
    }
}
