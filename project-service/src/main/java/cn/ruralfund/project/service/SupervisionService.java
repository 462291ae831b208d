package cn.ruralfund.project.service;

import cn.ruralfund.platform.audit.AuditTrail;
import cn.ruralfund.platform.contracts.DeviationDetectedV1;
import cn.ruralfund.platform.contracts.RectificationClosedV1;
import cn.ruralfund.platform.contracts.RectificationIssuedV1;
import cn.ruralfund.platform.contracts.ReportOverdueV1;
import cn.ruralfund.platform.outbox.Outbox;
import cn.ruralfund.platform.problem.ProblemException;
import cn.ruralfund.platform.reactive.UnitOfWork;
import cn.ruralfund.platform.time.PlatformClock;
import cn.ruralfund.project.domain.Deviation;
import cn.ruralfund.project.domain.Enterprise;
import cn.ruralfund.project.domain.Milestone;
import cn.ruralfund.project.domain.Notice;
import cn.ruralfund.project.domain.ProgressReport;
import cn.ruralfund.project.domain.ProgressGap;
import cn.ruralfund.project.domain.Project;
import cn.ruralfund.project.service.Requests.CloseNotice;
import cn.ruralfund.project.service.Requests.IssueNotice;
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
import jakarta.persistence.LockModeType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Progress supervision (R12–R14, R16): the scheduled deviation check against the approved progress
 * plans, notices with deadlines, and their outcome: closed in time, or expired, which disqualifies
 * the enterprise for the project (取消承办资格). Time comes only from {@link PlatformClock}.
 */
@ApplicationScoped
public class SupervisionService {

    private static final Logger LOG = Logger.getLogger(SupervisionService.class);

    private final Outbox outbox;
    private final AuditTrail audit;
    private final PlatformClock clock;
    private final MeterRegistry metrics;
    private final Vertx vertx;
    private final Disqualification disqualification;
    private final BigDecimal threshold;
    private final BigDecimal seriousThreshold;
    private final int dataReportingDays;

    SupervisionService(Outbox outbox, AuditTrail audit, PlatformClock clock, MeterRegistry metrics, Vertx vertx, Disqualification disqualification,
                       @ConfigProperty(name = "project.deviation.threshold", defaultValue = "10") BigDecimal threshold,
                       @ConfigProperty(name = "project.deviation.serious-threshold", defaultValue = "30") BigDecimal seriousThreshold,
                       @ConfigProperty(name = "project.notice.data-reporting.days", defaultValue = "10") int dataReportingDays) {
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
        this.metrics = metrics;
        this.vertx = vertx;
        this.disqualification = disqualification;
        this.threshold = threshold;
        this.seriousThreshold = seriousThreshold;
        this.dataReportingDays = dataReportingDays;
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
                .chain(deviations -> Panache.withTransaction(() -> exclusively(() -> expireNotices(today), new int[2]))
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
                                return audit.record(Actor.SUPERVISION.name(), "deviation.resolved", "project", p.id,
                                        "progress caught up with the plan", Map.of("deviationId", open.id, "planned", planned, "actual", actual))
                                        .chain(() -> closeResolved(open, planned, actual));
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

    /**
     * R12: the cause of a progress notice is gone (progress caught up with the plan), so the notice is closed as
     * rectified by supervision, with the figures in its remark, and cannot expire into a disqualification.
     */
    private Uni<Void> closeResolved(Deviation resolved, BigDecimal planned, BigDecimal actual) {
        return Notice.<Notice>find("deviationId = ?1 and status = ?2", resolved.id, Notice.Status.OPEN)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .chain(notices -> Multi.createFrom().iterable(notices).onItem().transformToUniAndConcatenate(n -> {
                    n.status = Notice.Status.CLOSED;
                    n.closedAt = clock.now();
                    n.closedBy = Actor.SUPERVISION.name();
                    n.remark = "cause resolved: progress " + actual.toPlainString() + "% caught up with the plan's " + planned.toPlainString() + "%";
                    return Enterprise.<Enterprise>findById(n.enterpriseId).chain(e -> closed(n, e, "RECTIFIED"));
                }).collect().last())
                .replaceWithVoid();
    }

    private Uni<Void> announce(Project p, Deviation d, int[] counts) {
        counts[1]++;
        metrics.counter("ruralfund_project_deviations_detected_total", "serious", String.valueOf(d.serious)).increment();
        DeviationDetectedV1 detected = new DeviationDetectedV1(d.id, p.id, p.enterpriseCode, d.lastCheckedOn, d.plannedPercent,
                d.actualPercent, d.gap, d.serious);
        return outbox.publish(DeviationDetectedV1.TYPE, p.id, detected)
                .chain(() -> audit.record(Actor.SUPERVISION.name(), "deviation.detected", "project", p.id,
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

    // ---------------------------------------------------------------- notices

    /** The office issues a notice with a deadline (整改通知书); a PROGRESS_DELAY notice needs a serious deviation (R12). */
    @WithTransaction
    public Uni<Notice> issue(UUID projectId, IssueNotice request, Actor actor) {
        Notice.Kind kind = kind(request.kind());
        if (Notice.needsSeverity(kind) != (request.serious() != null)) {
            throw ProblemException.invalid("r13-severity", Notice.needsSeverity(kind)
                    ? "an INSPECTION or ACCIDENT notice (R13) must say whether the finding is serious: serious true or false"
                    : "only INSPECTION and ACCIDENT notices (R13) carry serious");
        }
        if (!request.deadline().isAfter(clock.today())) {
            throw ProblemException.rule("deadline-not-in-future", "Deadline not in the future",
                    "the deadline " + request.deadline() + " must come after today " + clock.today());
        }
        return ProjectService.visible(projectId, actor).chain(p -> {
            ProgressService.mustBeLive(p);
            Uni<UUID> deviation = kind != Notice.Kind.PROGRESS_DELAY ? Uni.createFrom().nullItem()
                    : Deviation.<Deviation>find("projectId = ?1 and status = ?2", p.id, Deviation.Status.OPEN).firstResult().map(d -> {
                if (d == null || !d.serious || (request.deviationId() != null && !request.deviationId().equals(d.id))) {
                    throw ProblemException.rule("r12-no-serious-delay", "No serious delay",
                            "a rectification notice for progress (R12) needs an open serious deviation of project " + p.name);
                }
                return d.id;
            });
            return deviation.chain(deviationId -> EnterpriseService.get(p.enterpriseId).chain(e -> {
                Notice n = newNotice(e, p, kind, request.reason().strip(), request.deadline(), actor.name());
                n.deviationId = deviationId;
                n.serious = request.serious();
                return n.persist().chain(() -> announce(n, e)).replaceWith(n);
            }));
        });
    }

    /** Issues a notice in the caller's transaction (R14: a performance evaluation that was clearly not met). */
    Uni<Notice> issue(Enterprise e, Project p, Notice.Kind kind, String reason, LocalDate deadline, String issuedBy) {
        Notice n = newNotice(e, p, kind, reason, deadline, issuedBy);
        return n.persist().chain(() -> announce(n, e)).replaceWith(n);
    }

    private Notice newNotice(Enterprise e, Project p, Notice.Kind kind, String reason, LocalDate deadline, String issuedBy) {
        Notice n = new Notice();
        n.id = UUID.randomUUID();
        n.enterpriseId = e.id;
        n.projectId = p == null ? null : p.id;
        n.kind = kind;
        n.reason = reason;
        n.deadline = deadline;
        n.status = Notice.Status.OPEN;
        n.issuedAt = clock.now();
        n.issuedBy = issuedBy;
        return n;
    }

    private Uni<Void> announce(Notice n, Enterprise e) {
        metrics.counter("ruralfund_project_notices_issued_total", "rule", n.kind.rule).increment();
        RectificationIssuedV1 issued = new RectificationIssuedV1(n.id, n.projectId, e.creditCode, e.name, n.kind.name(), n.kind.rule,
                n.reason, n.deadline, n.issuedAt);
        return outbox.publish(RectificationIssuedV1.TYPE, subject(n, e), issued)
                .chain(() -> audit.record(n.issuedBy, "notice.issued", aggregate(n), aggregateId(n), n.kind.rule + ": " + n.reason, issued));
    }

    /** The enterprise answers with the causes and its remedial measures. */
    @WithTransaction
    public Uni<Notice> respond(UUID noticeId, RespondToNotice request, Actor actor) {
        return lockedNotice(noticeId, actor).chain(n -> {
            mustBeOpen(n);
            n.causes = request.causes().strip();
            n.measures = request.measures().strip();
            n.respondedAt = clock.now();
            return audit.record(actor.name(), "notice.answered", aggregate(n), aggregateId(n), "causes and remedial measures submitted", request)
                    .replaceWith(n);
        });
    }

    /** The office closes a notice by its deadline: rectified. */
    @WithTransaction
    public Uni<Notice> close(UUID noticeId, CloseNotice request, Actor actor) {
        LocalDate today = clock.today();
        return lockedNotice(noticeId, actor).chain(n -> {
            mustBeOpen(n);
            if (today.isAfter(n.deadline)) {
                throw ProblemException.conflict("notice-deadline-passed", "Deadline passed",
                        "the deadline " + n.deadline + " has passed: the notice can no longer be closed as rectified");
            }
            if (n.kind != Notice.Kind.DATA_REPORTING && n.respondedAt == null) {
                throw ProblemException.conflict("notice-not-answered", "Notice not answered",
                        "the enterprise has not yet given the causes and its remedial measures");
            }
            n.status = Notice.Status.CLOSED;
            n.closedAt = clock.now();
            n.closedBy = actor.name();
            n.remark = request == null ? null : request.remark();
            return Enterprise.<Enterprise>findById(n.enterpriseId).chain(e -> closed(n, e, "RECTIFIED")).replaceWith(n);
        });
    }

    private Uni<Void> closed(Notice n, Enterprise e, String outcome) {
        RectificationClosedV1 closed = new RectificationClosedV1(n.id, n.projectId, e.creditCode, n.kind.name(), n.kind.rule, outcome,
                n.remark, n.closedAt);
        return outbox.publish(RectificationClosedV1.TYPE, subject(n, e), closed)
                .chain(() -> audit.record(n.closedBy, "notice." + outcome.toLowerCase(), aggregate(n), aggregateId(n),
                        n.kind.rule + " notice " + outcome.toLowerCase(), closed));
    }

    /** Notices still open after their deadline expire; for R12–R14 the enterprise is disqualified for the project. */
    private Uni<int[]> expireNotices(LocalDate today) {
        int[] counts = new int[2];
        // locked, and re-read after any concurrent close committed: a notice closed meanwhile is not expired
        return Notice.<Notice>find("status = ?1 and deadline < ?2 order by deadline", Notice.Status.OPEN, today)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .chain(notices -> Multi.createFrom().iterable(notices)
                        .onItem().transformToUniAndConcatenate(n -> expire(n, counts))
                        .collect().last())
                .map(ignored -> counts);
    }

    private Uni<Void> expire(Notice n, int[] counts) {
        counts[0]++;
        n.status = Notice.Status.EXPIRED;
        n.closedAt = clock.now();
        n.closedBy = Actor.SUPERVISION.name();
        n.remark = "not closed by the deadline " + n.deadline;
        return Enterprise.<Enterprise>findById(n.enterpriseId).chain(e -> closed(n, e, "EXPIRED").chain(() -> {
            if (!n.disqualifiesWhenExpired() || n.projectId == null) {
                return Uni.createFrom().voidItem();
            }
            return Project.<Project>findById(n.projectId).chain(p -> {
                if (p.status == Project.Status.DISQUALIFIED) {
                    return Uni.createFrom().voidItem();
                }
                counts[1]++;
                String reason = n.kind.rule + ": rectification notice of " + n.issuedAt.toLocalDate() + " (" + n.reason
                        + ") not closed by its deadline " + n.deadline;
                return disqualification.disqualify(e, p, n.kind.rule, reason, true, Actor.SUPERVISION.name())
                        .chain(() -> audit.record(Actor.SUPERVISION.name(), "project.disqualified", "project", p.id, reason, Map.of("notice", n.id)));
            });
        }));
    }

    // ---------------------------------------------------------------- R16

    /** In the consumer's transaction: an overdue sales report becomes a data-reporting notice with a deadline. */
    public Uni<Void> apply(ReportOverdueV1 overdue, String eventId, String source) {
        return Enterprise.<Enterprise>find("creditCode", overdue.enterpriseCreditCode()).firstResult().chain(e -> {
            if (e == null) {
                LOG.warnf("report overdue for unknown enterprise %s: ignored", overdue.enterpriseCreditCode());
                return Uni.createFrom().voidItem();
            }
            Uni<Project> project = overdue.projectId() == null ? Uni.createFrom().nullItem()
                    : Project.<Project>findById(overdue.projectId()).map(p -> p != null && p.enterpriseId.equals(e.id) ? p : null);
            return project.chain(p -> {
                String reason = "R16: the sales report for " + overdue.period() + " was due on " + overdue.dueOn()
                        + " and has not been received; report it truthfully by the deadline";
                Notice n = newNotice(e, p, Notice.Kind.DATA_REPORTING, reason, clock.today().plusDays(dataReportingDays), "event:" + source);
                n.sourceEvent = eventId;
                return n.persist().chain(() -> announce(n, e));
            });
        });
    }

    // ---------------------------------------------------------------- reading

    @WithSession
    public Uni<List<Notice>> notices(Actor actor) {
        if (actor.isEnterprise()) {
            return EnterpriseService.byCode(actor.enterprise()).chain(e -> Notice.list("enterpriseId = ?1 order by issuedAt", e.id));
        }
        return Notice.list("order by issuedAt");
    }

    @WithSession
    public Uni<List<Notice>> projectNotices(UUID projectId, Actor actor) {
        return ProjectService.visible(projectId, actor).chain(p -> Notice.list("projectId = ?1 order by issuedAt", p.id));
    }

    @WithSession
    public Uni<Notice> notice(UUID id, Actor actor) {
        return visibleNotice(id, actor);
    }

    private static Uni<Notice> visibleNotice(UUID id, Actor actor) {
        return visible(Notice.<Notice>findById(id), id, actor);
    }

    /** A notice locked against the deadline check (and any other request) until the transaction ends. */
    private static Uni<Notice> lockedNotice(UUID id, Actor actor) {
        return visible(Notice.<Notice>findById(id, LockModeType.PESSIMISTIC_WRITE), id, actor);
    }

    private static Uni<Notice> visible(Uni<Notice> found, UUID id, Actor actor) {
        return found.onItem().ifNull().failWith(() -> ProblemException.notFound("notice", id))
                .call(n -> actor.isEnterprise()
                        ? Enterprise.<Enterprise>findById(n.enterpriseId).invoke(e -> actor.mustOwn(e.creditCode, "notice " + id))
                        : Uni.createFrom().voidItem());
    }

    private static void mustBeOpen(Notice n) {
        if (n.status != Notice.Status.OPEN) {
            throw ProblemException.conflict("notice-not-open", "Notice not open", "the notice is " + n.status);
        }
    }

    private static Notice.Kind kind(String kind) {
        try {
            return Notice.Kind.valueOf(kind.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("unknown-notice-kind", "kind must be one of PROGRESS_DELAY (R12), INSPECTION, ACCIDENT (R13), PERFORMANCE (R14), DATA_REPORTING (R16)");
        }
    }

    private static String subject(Notice n, Enterprise e) {
        return n.projectId != null ? n.projectId.toString() : e.creditCode;
    }

    private static String aggregate(Notice n) {
        return n.projectId != null ? "project" : "enterprise";
    }

    private static Object aggregateId(Notice n) {
        return n.projectId != null ? n.projectId : n.enterpriseId;
    }
}
