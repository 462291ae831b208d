package cn.ruralfund.project.service;

import cn.ruralfund.platform.security.Actor;
import cn.ruralfund.platform.audit.AuditTrail;
import cn.ruralfund.platform.contracts.DeviationDetectedV1;
import cn.ruralfund.platform.outbox.Outbox;
import cn.ruralfund.platform.problem.ProblemException;
import cn.ruralfund.platform.reactive.UnitOfWork;
import cn.ruralfund.platform.time.PlatformClock;
import cn.ruralfund.project.domain.Deviation;
import cn.ruralfund.project.domain.Milestone;
import cn.ruralfund.project.domain.ProgressReport;
import cn.ruralfund.project.domain.ProgressGap;
import cn.ruralfund.project.domain.Project;
import cn.ruralfund.project.service.Requests.RespondToNotice;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Progress supervision (R12): the scheduled check of each project's progress against its approved plan, which
 * detects deviations (and resolves them when progress catches up), then lets {@link NoticeService} expire the
 * notices whose deadline passed. The planned-versus-actual arithmetic is {@link ProgressGap}'s. Time comes only
 * from {@link PlatformClock}; one replica runs the checks at a time.
 */
@ApplicationScoped
public class SupervisionService {

    private static final Logger LOG = Logger.getLogger(SupervisionService.class);
    /** Who acts when the scheduled checks detect, resolve and expire. */
    static final Actor SUPERVISION = Actor.system("supervision");

    private final Outbox outbox;
    private final AuditTrail audit;
    private final PlatformClock clock;
    private final MeterRegistry metrics;
    private final Vertx vertx;
    private final NoticeService notices;
    private final BigDecimal threshold;
    private final BigDecimal seriousThreshold;

    SupervisionService(Outbox outbox, AuditTrail audit, PlatformClock clock, MeterRegistry metrics, Vertx vertx, NoticeService notices,
                       @ConfigProperty(name = "project.deviation.threshold", defaultValue = "10") BigDecimal threshold,
                       @ConfigProperty(name = "project.deviation.serious-threshold", defaultValue = "30") BigDecimal seriousThreshold) {
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
        this.metrics = metrics;
        this.vertx = vertx;
        this.notices = notices;
        this.threshold = threshold;
        this.seriousThreshold = seriousThreshold;
    }

    private static final long SUPERVISION_LOCK = 0x5375_7065_7276L; // "Superv"

    /** What one run of the checks did. */
    public record CheckResult(LocalDate date, int projectsChecked, int deviationsDetected, int deviationsResolved,
                              int noticesExpired, int projectsDisqualified) {
    }

    @Scheduled(identity = "progress-supervision", every = "${project.supervision.every:1h}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return runChecks()
                .invoke(r -> LOG.infof("progress supervision: %s", r))
                .onFailure().invoke(e -> LOG.warnf("progress supervision failed, will retry at the next run: %s", e.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /**
     * Runs the R12 deviation check and the deadline check, as of today by the platform clock, each in
     * its own transaction on a fresh safe Vert.x context (as a request has), so that the schedule, the
     * REST endpoint and tests can call it from any thread.
     */
    public Uni<CheckResult> runChecks() {
        return UnitOfWork.onSafeContext(vertx, this::checks);
    }

    private Uni<CheckResult> checks() {
        LocalDate today = clock.today();
        return Panache.withTransaction(() -> exclusively(() -> detectDeviations(today), new int[3]))
                .chain(deviations -> Panache.withTransaction(() -> exclusively(() -> notices.expire(today), new int[2]))
                        .map(expired -> new CheckResult(today, deviations[0], deviations[1], deviations[2], expired[0], expired[1])));
    }

    /** Runs the work unless another replica is running the checks: a transaction-scoped advisory lock. */
    private static Uni<int[]> exclusively(java.util.function.Supplier<Uni<int[]>> work, int[] skipped) {
        return Panache.getSession().chain(s -> s.createNativeQuery("select pg_try_advisory_xact_lock(" + SUPERVISION_LOCK + ")", Boolean.class)
                .getSingleResult()).chain(locked -> locked ? work.get() : Uni.createFrom().item(skipped));
    }

    // ---------------------------------------------------------------- R12 deviations

    private Uni<int[]> detectDeviations(LocalDate today) {
        int[] counts = new int[3];
        return Project.<Project>list("planStatus = ?1 and status in ?2", Project.PlanStatus.APPROVED,
                        List.of(Project.Status.ACTIVE, Project.Status.BUDGET_PENDING))
                .chain(projects -> Multi.createFrom().iterable(projects)
                        .onItem().transformToUniAndConcatenate(p -> check(p, today, counts))
                        .collect().last())
                .map(ignored -> counts);
    }

    private Uni<Void> check(Project p, LocalDate today, int[] counts) {
        counts[0]++;
        return Milestone.<Milestone>list("projectId", p.id).chain(milestones -> ProgressReport.<ProgressReport>find(
                        "projectId = ?1 and reportedOn <= ?2 order by reportedOn desc, createdAt desc", p.id, today).firstResult()
                .chain(latest -> Deviation.<Deviation>find("projectId = ?1 and status = ?2", p.id, Deviation.Status.OPEN).firstResult()
                        .chain(open -> {
                            ProgressGap progress = ProgressGap.on(today, milestones.stream()
                                            .map(m -> new ProgressGap.Due(m.plannedDate, m.weight)).toList(),
                                    latest == null ? null : latest.percentDone, threshold, seriousThreshold);
                            BigDecimal planned = progress.planned();
                            BigDecimal actual = progress.actual();
                            BigDecimal gap = progress.gap();
                            boolean deviates = progress.deviates();
                            boolean serious = progress.serious();
                            if (!deviates) {
                                if (open == null) {
                                    return Uni.createFrom().voidItem();
                                }
                                open.status = Deviation.Status.RESOLVED;
                                open.resolvedOn = today;
                                open.lastCheckedOn = today;
                                counts[2]++;
                                return audit.record(SUPERVISION.name(), "deviation.resolved", "project", p.id,
                                        "progress caught up with the plan", Map.of("deviationId", open.id, "planned", planned, "actual", actual))
                                        .chain(() -> notices.closeResolved(open, planned, actual));
                            }
                            if (open != null) {
                                boolean becameSerious = serious && !open.serious;
                                open.plannedPercent = planned.setScale(2);
                                open.actualPercent = actual;
                                open.gap = gap;
                                open.serious = open.serious || serious;
                                open.lastCheckedOn = today;
                                return becameSerious ? announce(p, open, counts) : Uni.createFrom().voidItem();
                            }
                            Deviation d = new Deviation();
                            d.id = UUID.randomUUID();
                            d.projectId = p.id;
                            d.detectedOn = today;
                            d.plannedPercent = planned.setScale(2);
                            d.actualPercent = actual;
                            d.gap = gap;
                            d.serious = serious;
                            d.status = Deviation.Status.OPEN;
                            d.lastCheckedOn = today;
                            return d.persist().chain(() -> announce(p, d, counts));
                        })));
    }

    private Uni<Void> announce(Project p, Deviation d, int[] counts) {
        counts[1]++;
        metrics.counter("ruralfund_project_deviations_detected_total", "serious", String.valueOf(d.serious)).increment();
        DeviationDetectedV1 detected = new DeviationDetectedV1(d.id, p.id, p.enterpriseCode, d.lastCheckedOn, d.plannedPercent,
                d.actualPercent, d.gap, d.serious);
        return outbox.publish(DeviationDetectedV1.TYPE, p.id, detected)
                .chain(() -> audit.record(SUPERVISION.name(), "deviation.detected", "project", p.id,
                        "R12: actual progress " + d.actualPercent.toPlainString() + "% against " + d.plannedPercent.toPlainString()
                                + "% planned" + (d.serious ? " (serious delay)" : ""), detected));
    }

    /** R12: the enterprise gives the causes of a deviation and its remedial measures. */
    @WithTransaction
    public Uni<Deviation> explain(UUID projectId, UUID deviationId, RespondToNotice request, Actor actor) {
        return ProjectService.visible(projectId, actor).chain(p -> Deviation.<Deviation>findById(deviationId).chain(d -> {
            if (d == null || !d.projectId.equals(p.id)) {
                throw ProblemException.notFound("deviation", deviationId);
            }
            d.causes = request.causes().strip();
            d.measures = request.measures().strip();
            d.explainedAt = clock.now();
            d.explainedBy = actor.name();
            return audit.record(actor.name(), "deviation.explained", "project", p.id, "causes and remedial measures of a deviation (R12)",
                    Map.of("deviationId", d.id, "causes", d.causes, "measures", d.measures)).replaceWith(d);
        }));
    }

    @WithSession
    public Uni<List<Deviation>> deviations(UUID projectId, Actor actor) {
        return ProjectService.visible(projectId, actor).chain(p -> Deviation.list("projectId = ?1 order by detectedOn", p.id));
    }

}
