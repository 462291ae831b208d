package cn.ruralfund.project.service;

import cn.ruralfund.platform.security.Actor;
import cn.ruralfund.platform.money.Money;
import cn.ruralfund.platform.audit.AuditTrail;
import cn.ruralfund.platform.contracts.ProgressReportedV1;
import cn.ruralfund.platform.outbox.Outbox;
import cn.ruralfund.platform.problem.ProblemException;
import cn.ruralfund.platform.time.PlatformClock;
import cn.ruralfund.project.domain.Milestone;
import cn.ruralfund.project.domain.ProgressReport;
import cn.ruralfund.project.domain.Project;
import cn.ruralfund.project.service.Requests.MilestonePlan;
import cn.ruralfund.project.service.Requests.ReportProgress;
import cn.ruralfund.project.service.Requests.SubmitPlan;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Progress plans (进度计划表: set by the enterprise, approved by the office) and progress reports (R10, R12). */
@ApplicationScoped
public class ProgressService {

    private static final BigDecimal HUNDRED = new BigDecimal("100.00");

    private final Outbox outbox;
    private final AuditTrail audit;
    private final PlatformClock clock;

    ProgressService(Outbox outbox, AuditTrail audit, PlatformClock clock) {
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    public record Plan(Project project, List<Milestone> milestones) {
    }

    @WithTransaction
    public Uni<Plan> submitPlan(UUID projectId, SubmitPlan request, Actor actor) {
        return ProjectService.visible(projectId, actor).chain(p -> {
            mustBeLive(p);
            if (p.planStatus == Project.PlanStatus.APPROVED) {
                throw ProblemException.conflict("plan-already-approved", "Plan already approved",
                        "the progress plan of project " + p.name + " is approved and can no longer be changed");
            }
            BigDecimal total = BigDecimal.ZERO;
            for (MilestonePlan m : request.milestones()) {
                total = total.add(m.weight());
                if (m.plannedDate().isBefore(p.startDate) || m.plannedDate().isAfter(p.endDate)) {
                    throw ProblemException.rule("milestone-outside-project", "Milestone outside the project",
                            "milestone " + m.name() + " is planned for " + m.plannedDate() + ", outside the project's " + p.startDate + ".." + p.endDate);
                }
            }
            if (total.compareTo(HUNDRED) != 0) {
                throw ProblemException.rule("plan-weights-not-100", "Milestone weights must add up to 100",
                        "the milestone weights add up to " + total.toPlainString());
            }
            List<Milestone> milestones = new ArrayList<>();
            List<MilestonePlan> sorted = request.milestones().stream()
                    .sorted(java.util.Comparator.comparing(MilestonePlan::plannedDate)).toList();
            for (int i = 0; i < sorted.size(); i++) {
                Milestone m = new Milestone();
                m.id = UUID.randomUUID();
                m.projectId = p.id;
                m.position = i;
                m.name = sorted.get(i).name().strip();
                m.plannedDate = sorted.get(i).plannedDate();
                m.weight = Money.of(sorted.get(i).weight());
                milestones.add(m);
            }
            p.planStatus = Project.PlanStatus.SUBMITTED;
            p.planSubmittedAt = clock.now();
            return Milestone.delete("projectId", p.id)
                    .call(() -> io.quarkus.hibernate.reactive.panache.Panache.getSession().chain(s -> s.flush()))
                    .chain(() -> Milestone.persist(milestones))
                    .chain(() -> audit.record(actor.name(), "plan.submitted", "project", p.id, "progress plan submitted", request))
                    .replaceWith(new Plan(p, milestones));
        });
    }

    @WithTransaction
    public Uni<Plan> approvePlan(UUID projectId, Actor actor) {
        return ProjectService.visible(projectId, actor).chain(p -> {
            if (p.planStatus != Project.PlanStatus.SUBMITTED) {
                throw ProblemException.conflict("plan-not-submitted", "No plan to approve",
                        "project " + p.name + " has plan status " + p.planStatus);
            }
            p.planStatus = Project.PlanStatus.APPROVED;
            p.planApprovedAt = clock.now();
            p.planApprovedBy = actor.name();
            return milestones(p.id).call(ms -> audit.record(actor.name(), "plan.approved", "project", p.id, "progress plan approved",
                    Map.of("milestones", ms.size()))).map(ms -> new Plan(p, ms));
        });
    }

    @WithSession
    public Uni<Plan> plan(UUID projectId, Actor actor) {
        return ProjectService.visible(projectId, actor).chain(p -> milestones(p.id).map(ms -> new Plan(p, ms)));
    }

    @WithTransaction
    public Uni<ProgressReport> report(UUID projectId, ReportProgress request, Actor actor) {
        return ProjectService.visible(projectId, actor).chain(p -> {
            mustBeLive(p);
            if (request.reportedOn().isAfter(clock.today())) {
                throw ProblemException.rule("report-in-future", "Report dated in the future",
                        "progress cannot be reported as of " + request.reportedOn() + ", after today " + clock.today());
            }
            if (request.reportedOn().isBefore(p.startDate)) {
                throw ProblemException.rule("report-before-start", "Report before the project starts",
                        "the project starts on " + p.startDate);
            }
            ProgressReport r = new ProgressReport();
            r.id = UUID.randomUUID();
            r.projectId = p.id;
            r.reportedOn = request.reportedOn();
            r.percentDone = Money.of(request.percentDone());
            r.evidence = request.evidence().strip();
            r.note = request.note();
            r.createdAt = clock.now();
            r.reportedBy = actor.name();
            ProgressReportedV1 reported = new ProgressReportedV1(p.id, r.id, p.enterpriseCode, r.reportedOn, r.percentDone, r.evidence);
            return r.persist()
                    .chain(() -> outbox.publish(ProgressReportedV1.TYPE, p.id, reported))
                    .chain(() -> audit.record(actor.name(), "progress.reported", "project", p.id,
                            "progress " + r.percentDone.toPlainString() + "% as of " + r.reportedOn, reported))
                    .replaceWith(r);
        });
    }

    @WithSession
    public Uni<List<ProgressReport>> reports(UUID projectId, Actor actor) {
        return ProjectService.visible(projectId, actor)
                .chain(p -> ProgressReport.list("projectId = ?1 order by reportedOn, createdAt", p.id));
    }

    static Uni<List<Milestone>> milestones(UUID projectId) {
        return Milestone.list("projectId = ?1 order by position", projectId);
    }

    static void mustBeLive(Project p) {
        if (!p.live()) {
            throw ProblemException.conflict("project-not-active", "Project not active",
                    "project " + p.name + " is " + p.status + (p.statusReason == null ? "" : ": " + p.statusReason));
        }
    }
}
