package cn.ruralfund.project.service;

import cn.ruralfund.platform.security.Actor;
import cn.ruralfund.platform.audit.AuditTrail;
import cn.ruralfund.platform.contracts.RectificationClosedV1;
import cn.ruralfund.platform.contracts.RectificationIssuedV1;
import cn.ruralfund.platform.contracts.ReportOverdueV1;
import cn.ruralfund.platform.outbox.Outbox;
import cn.ruralfund.platform.problem.ProblemException;
import cn.ruralfund.platform.time.PlatformClock;
import cn.ruralfund.project.domain.Deviation;
import cn.ruralfund.project.domain.Enterprise;
import cn.ruralfund.project.domain.Notice;
import cn.ruralfund.project.domain.Project;
import cn.ruralfund.project.service.Requests.CloseNotice;
import cn.ruralfund.project.service.Requests.IssueNotice;
import cn.ruralfund.project.service.Requests.RespondToNotice;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
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
 * Rectification notices (整改通知书, R12–R14, R16): issued with a deadline by the office, by a performance evaluation
 * (R14) or by an overdue sales report (R16); answered by the enterprise; closed as rectified by the office or when
 * their cause is gone; or expired, which for R12–R14 disqualifies the enterprise for the project (取消承办资格). A
 * notice is locked while it is closed or expired, so the two never race.
 */
@ApplicationScoped
public class NoticeService {

    private static final Logger LOG = Logger.getLogger(NoticeService.class);

    private final Outbox outbox;
    private final AuditTrail audit;
    private final PlatformClock clock;
    private final MeterRegistry metrics;
    private final Disqualification disqualification;
    private final int dataReportingDays;

    NoticeService(Outbox outbox, AuditTrail audit, PlatformClock clock, MeterRegistry metrics, Disqualification disqualification,
                  @ConfigProperty(name = "project.notice.data-reporting.days", defaultValue = "10") int dataReportingDays) {
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
        this.metrics = metrics;
        this.disqualification = disqualification;
        this.dataReportingDays = dataReportingDays;
    }

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

    /**
     * R12: the cause of a progress notice is gone (progress caught up with the plan), so the notice is closed as
     * rectified by supervision, with the figures in its remark, and cannot expire into a disqualification.
     */
    Uni<Void> closeResolved(Deviation resolved, BigDecimal planned, BigDecimal actual) {
        return Notice.<Notice>find("deviationId = ?1 and status = ?2", resolved.id, Notice.Status.OPEN)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .chain(notices -> Multi.createFrom().iterable(notices).onItem().transformToUniAndConcatenate(n -> {
                    n.status = Notice.Status.CLOSED;
                    n.closedAt = clock.now();
                    n.closedBy = SupervisionService.SUPERVISION.name();
                    n.remark = "cause resolved: progress " + actual.toPlainString() + "% caught up with the plan's " + planned.toPlainString() + "%";
                    return Enterprise.<Enterprise>findById(n.enterpriseId).chain(e -> closed(n, e, "RECTIFIED"));
                }).collect().last())
                .replaceWithVoid();
    }

    /**
     * In the supervision's transaction: notices still open after their deadline expire; for R12–R14 the enterprise is
     * disqualified for the project. Returns how many expired and how many projects were disqualified.
     */
    Uni<int[]> expire(LocalDate today) {
        int[] counts = new int[2];
        // locked, and re-read after any concurrent close committed: a notice closed meanwhile is not expired
        return Notice.<Notice>find("status = ?1 and deadline < ?2 order by deadline", Notice.Status.OPEN, today)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .chain(notices -> Multi.createFrom().iterable(notices)
                        .onItem().transformToUniAndConcatenate(n -> expireOne(n, counts))
                        .collect().last())
                .map(ignored -> counts);
    }

    private Uni<Void> expireOne(Notice n, int[] counts) {
        counts[0]++;
        n.status = Notice.Status.EXPIRED;
        n.closedAt = clock.now();
        n.closedBy = SupervisionService.SUPERVISION.name();
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
                return disqualification.disqualify(e, p, n.kind.rule, reason, true, SupervisionService.SUPERVISION.name())
                        .chain(() -> audit.record(SupervisionService.SUPERVISION.name(), "project.disqualified", "project", p.id, reason, Map.of("notice", n.id)));
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
