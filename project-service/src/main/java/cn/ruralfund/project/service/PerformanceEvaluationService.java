package cn.ruralfund.project.service;

import cn.ruralfund.platform.security.Actor;
import cn.ruralfund.platform.audit.AuditTrail;
import cn.ruralfund.platform.contracts.PerformanceEvaluatedV1;
import cn.ruralfund.platform.outbox.Outbox;
import cn.ruralfund.platform.problem.ProblemException;
import cn.ruralfund.platform.time.PlatformClock;
import cn.ruralfund.project.domain.Notice;
import cn.ruralfund.project.domain.PerformanceEvaluation;
import cn.ruralfund.project.domain.PerformanceEvaluation.Outcome;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/**
 * R14, 绩效评价: the office records its evaluation of a project with the evidence, and the outcome decides what follows:
 * met, acceptance may proceed; not fully met, acceptance is postponed to a new date; clearly not met, a rectification
 * notice (R14) with a deadline, which disqualifies the enterprise when it expires (the notice path of R12–R14).
 */
@ApplicationScoped
public class PerformanceEvaluationService {

    private final NoticeService notices;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final PlatformClock clock;

    PerformanceEvaluationService(NoticeService notices, Outbox outbox, AuditTrail audit, PlatformClock clock) {
        this.notices = notices;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<PerformanceEvaluation> evaluate(UUID projectId, Requests.EvaluatePerformance request, Actor actor) {
        Outcome outcome = outcome(request.outcome());
        if ((outcome == Outcome.PARTIALLY_MET) != (request.acceptancePostponedTo() != null)) {
            throw ProblemException.invalid("r14-postponement", "acceptancePostponedTo is required when, and only when, the outcome is PARTIALLY_MET");
        }
        if ((outcome == Outcome.NOT_MET) != (request.noticeDeadline() != null && request.noticeReason() != null && !request.noticeReason().isBlank())) {
            throw ProblemException.invalid("r14-notice", "noticeReason and noticeDeadline are required when, and only when, the outcome is NOT_MET");
        }
        if (request.acceptancePostponedTo() != null && !request.acceptancePostponedTo().isAfter(clock.today())) {
            throw ProblemException.rule("r14-postponement-in-past", "Postponement not in the future",
                    "the new acceptance date " + request.acceptancePostponedTo() + " must come after today " + clock.today());
        }
        if (request.noticeDeadline() != null && !request.noticeDeadline().isAfter(clock.today())) {
            throw ProblemException.rule("deadline-not-in-future", "Deadline not in the future",
                    "the deadline " + request.noticeDeadline() + " must come after today " + clock.today());
        }
        return ProjectService.visible(projectId, actor).chain(p -> {
            ProgressService.mustBeLive(p);
            return EnterpriseService.get(p.enterpriseId).chain(e -> {
                PerformanceEvaluation evaluation = new PerformanceEvaluation();
                evaluation.id = UUID.randomUUID();
                evaluation.projectId = p.id;
                evaluation.outcome = outcome;
                evaluation.evidence = request.evidence().strip();
                evaluation.acceptancePostponedTo = request.acceptancePostponedTo();
                evaluation.evaluatedAt = clock.now();
                evaluation.evaluatedBy = actor.name();
                Uni<UUID> notice = outcome != Outcome.NOT_MET ? Uni.createFrom().nullItem()
                        : notices.issue(e, p, Notice.Kind.PERFORMANCE, request.noticeReason().strip(), request.noticeDeadline(), actor.name())
                        .map(n -> n.id);
                return notice.chain(noticeId -> {
                    evaluation.noticeId = noticeId;
                    PerformanceEvaluatedV1 evaluated = new PerformanceEvaluatedV1(evaluation.id, p.id, e.creditCode, outcome.name(),
                            evaluation.evidence, evaluation.acceptancePostponedTo, noticeId, evaluation.evaluatedAt);
                    return evaluation.persist()
                            .chain(() -> outbox.publish(PerformanceEvaluatedV1.TYPE, p.id, evaluated))
                            .chain(() -> audit.record(actor.name(), "performance.evaluated", "project", p.id, "R14: " + outcome, evaluated))
                            .replaceWith(evaluation);
                });
            });
        });
    }

    @WithSession
    public Uni<List<PerformanceEvaluation>> evaluations(UUID projectId, Actor actor) {
        return ProjectService.visible(projectId, actor)
                .chain(p -> PerformanceEvaluation.list("projectId = ?1 order by evaluatedAt", p.id));
    }

    private static Outcome outcome(String outcome) {
        try {
            return Outcome.valueOf(outcome.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("unknown-performance-outcome", "outcome must be MET, PARTIALLY_MET or NOT_MET (R14)");
        }
    }
}
