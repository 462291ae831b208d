package cn.ruralfund.publicity.service;

import cn.ruralfund.platform.audit.AuditTrail;
import cn.ruralfund.platform.contracts.AcceptanceConcludedV1;
import cn.ruralfund.platform.contracts.PublicityClosedV1;
import cn.ruralfund.platform.contracts.PublicityClosingSoonV1;
import cn.ruralfund.platform.outbox.Outbox;
import cn.ruralfund.platform.problem.ProblemException;
import cn.ruralfund.platform.time.PlatformClock;
import cn.ruralfund.publicity.calendar.PublicitySettings;
import cn.ruralfund.publicity.calendar.PublicityWindow;
import cn.ruralfund.publicity.calendar.WorkingDayCalendar;
import cn.ruralfund.publicity.domain.Announcement;
import cn.ruralfund.publicity.domain.Objection;
import cn.ruralfund.publicity.domain.ProjectFact;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Announcements (公示, R5) and their objections (异议): opened when a project passes acceptance, closed after the window
 * only when every objection is decided, announced as {@code publicity-closed}. Every change of one announcement locks
 * its row first ({@code SELECT … FOR UPDATE}), so filing, deciding and closing never race.
 */
@ApplicationScoped
public class AnnouncementService {

    private final WorkingDayCalendar calendar;
    private final PublicitySettings settings;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final PlatformClock clock;
    private final ObjectMapper mapper;
    private final PublicCache cache;
    private final WindowLengths lengths;

    AnnouncementService(WorkingDayCalendar calendar, PublicitySettings settings, Outbox outbox, AuditTrail audit,
                        PlatformClock clock, ObjectMapper mapper, PublicCache cache, WindowLengths lengths) {
        this.lengths = lengths;
        this.calendar = calendar;
        this.settings = settings;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
        this.mapper = mapper;
        this.cache = cache;
    }

    /** A filed objection, as the service receives it (already validated for length). */
    public record NewObjection(String name, String contact, String text, String clientAddress) {
    }

    /** Opens the announcement of a passed project, published today (inside the consumer's transaction). */
    public Uni<Announcement> openForAcceptance(AcceptanceConcludedV1 a, String eventId, String actor) {
        LocalDate today = clock.today();
        return ProjectFact.<ProjectFact>findById(a.projectId()).chain(project -> lengths.of(project == null ? null : project.programId)
                .chain(length -> calendar.window(today, length.workingDays(), settings.counting()).map(window -> {
                    Announcement n = new Announcement();
                    n.lengthFrom = length.from();
                    n.id = UUID.randomUUID();
                    n.kind = Announcement.Kind.ACCEPTANCE;
                    n.projectId = a.projectId();
                    n.programId = project == null ? null : project.programId;
                    String projectName = project == null || project.name == null ? "项目 " + a.projectId() : project.name;
                    String enterprise = project == null || project.enterpriseName == null ? "" : "（承办企业：" + project.enterpriseName + "）";
                    n.title = "关于" + projectName + "验收合格的公示";
                    n.body = projectName + enterprise + "已通过验收，验收结论为合格。现予公示，公示期为" + window.workingDays()
                            + "个工作日（" + window.publishedOn().plusDays(1) + "起至" + window.endsOn() + "止，公示发布当日不计入）。"
                            + "公示期间，任何单位和个人如有异议，可通过本页面提交书面异议。";
                    if (window.counting() != cn.ruralfund.publicity.calendar.Counting.CIVIL_CODE) {
                        n.body = n.body.replace("公示发布当日不计入", "公示发布当日为工作日的计入");
                    }
                    n.publishedOn = window.publishedOn();
                    n.publishedAt = clock.now();
                    n.endsOn = window.endsOn();
                    n.workingDays = window.workingDays();
                    n.counting = window.counting().name();
                    n.calendar = json(window);
                    n.sourceEventId = eventId;
                    n.status = Announcement.Status.OPEN;
                    n.updatedAt = n.publishedAt;
                    return n;
                })))
                .chain(n -> n.<Announcement>persist())
                .call(n -> audit.record(actor, "announcement.opened", "announcement", n.id, "acceptance passed",
                        Map.of("projectId", String.valueOf(n.projectId), "endsOn", n.endsOn.toString(), "workingDays", n.workingDays,
                                "lengthFrom", n.lengthFrom)))
                .invoke(() -> cache.invalidate());
    }

    public Uni<Objection> file(UUID announcementId, NewObjection request) {
        return locked(announcementId).chain(a -> {
            if (!a.receivesObjectionsOn(clock.today())) {
                return Uni.createFrom().failure(ProblemException.rule("r5-objection-outside-window", "Outside the publicity window",
                        "objections to this announcement are received from " + a.publishedOn + " to " + a.endsOn
                                + (a.status == Announcement.Status.CLOSED ? "; it is closed" : "")));
            }
            Objection o = new Objection();
            o.id = UUID.randomUUID();
            o.announcementId = a.id;
            o.name = request.name();
            o.contact = request.contact();
            o.text = request.text();
            o.clientAddress = request.clientAddress();
            o.receivedAt = clock.now();
            return o.<Objection>persist()
                    .call(saved -> audit.record("public:" + request.clientAddress(), "objection.received", "announcement", a.id,
                            null, Map.of("objectionId", saved.id.toString())));
        }).invoke(() -> cache.invalidate());
    }

    public Uni<Objection> decide(UUID announcementId, UUID objectionId, Objection.Decision decision, String reasons, String actor) {
        return locked(announcementId).chain(a -> Objection.<Objection>findById(objectionId).chain(o -> {
            if (o == null || !o.announcementId.equals(a.id)) {
                return Uni.createFrom().failure(ProblemException.notFound("objection", objectionId));
            }
            if (o.decision != null) {
                return Uni.createFrom().failure(ProblemException.conflict("objection-already-decided", "Objection already decided",
                        "objection " + objectionId + " was " + o.decision + " on " + o.decidedAt));
            }
            if (a.status != Announcement.Status.OPEN) {
                return Uni.createFrom().failure(ProblemException.conflict("announcement-closed", "Announcement closed",
                        "announcement " + a.id + " is closed"));
            }
            o.decision = decision;
            o.reasons = reasons;
            o.decidedBy = actor;
            o.decidedAt = clock.now();
            a.updatedAt = o.decidedAt;
            return audit.record(actor, "objection.decided", "announcement", a.id, reasons,
                    Map.of("objectionId", o.id.toString(), "decision", decision.name())).replaceWith(o);
        })).invoke(() -> cache.invalidate());
    }

    /**
     * Closes an announcement after its window, when no objection is undecided (R5), and announces the outcome as
     * {@code publicity-closed} (budget-service keeps payment closed when an objection was upheld, R7).
     */
    public Uni<Announcement> close(UUID announcementId, String actor) {
        LocalDate today = clock.today();
        return locked(announcementId).chain(a -> {
            if (a.status == Announcement.Status.CLOSED) {
                return Uni.createFrom().failure(ProblemException.conflict("announcement-closed", "Announcement already closed",
                        "announcement " + a.id + " closed on " + a.closedOn + " (" + a.outcome + ")"));
            }
            if (!today.isAfter(a.endsOn)) {
                return Uni.createFrom().failure(ProblemException.rule("r5-window-open", "Publicity window still open",
                        "the window of announcement " + a.id + " ends at the end of " + a.endsOn + "; today is " + today));
            }
            return Objection.<Objection>list("announcementId", a.id).chain(objections -> {
                long undecided = objections.stream().filter(o -> o.decision == null).count();
                if (undecided > 0) {
                    return Uni.createFrom().failure(ProblemException.conflict("r5-objection-undecided", "Objections undecided",
                            undecided + " objection(s) to announcement " + a.id + " are not decided yet; decide them before closing"));
                }
                boolean upheld = objections.stream().anyMatch(o -> o.decision == Objection.Decision.UPHELD);
                a.outcome = upheld ? Announcement.Outcome.OBJECTION_UPHELD
                        : objections.isEmpty() ? Announcement.Outcome.NO_OBJECTION : Announcement.Outcome.OBJECTIONS_DISMISSED;
                a.status = Announcement.Status.CLOSED;
                a.closedOn = today;
                a.closedAt = clock.now();
                a.closedBy = actor;
                a.updatedAt = a.closedAt;
                return outbox.publish(PublicityClosedV1.TYPE, a.id, new PublicityClosedV1(a.id, a.kind.name(), a.projectId,
                                a.publishedOn, a.closedOn, upheld, a.closedAt))
                        .chain(() -> audit.record(actor, "announcement.closed", "announcement", a.id, a.outcome.name(),
                                Map.of("objections", objections.size(), "upheld", upheld)))
                        .replaceWith(a);
            });
        }).invoke(() -> cache.invalidate());
    }

    /** Open windows ending today or tomorrow with an undecided objection, whose office has not been warned yet. */
    public Uni<List<UUID>> endingWithUndecided(LocalDate today) {
        return Announcement.<Announcement>list("from Announcement a where a.status = ?1 and a.endsOn between ?2 and ?3 and a.closingWarnedOn is null"
                                + " and exists (select 1 from Objection o where o.announcementId = a.id and o.decision is null) order by a.endsOn, a.id",
                        Announcement.Status.OPEN, today, today.plusDays(1))
                .map(list -> list.stream().map(a -> a.id).toList());
    }

    /**
     * Warns the office, once per window, that it ends today or tomorrow with objections undecided
     * ({@code publicity-closing-soon}); false when there is nothing (any longer) to warn of.
     */
    public Uni<Boolean> warnClosingSoon(UUID announcementId) {
        LocalDate today = clock.today();
        return locked(announcementId).chain(a -> {
            if (a.status != Announcement.Status.OPEN || a.closingWarnedOn != null || a.endsOn.isBefore(today)
                    || a.endsOn.isAfter(today.plusDays(1))) {
                return Uni.createFrom().item(false);
            }
            return Objection.count("announcementId = ?1 and decision is null", a.id).chain(undecided -> {
                if (undecided == 0) {
                    return Uni.createFrom().item(false);
                }
                a.closingWarnedOn = today;
                return outbox.publish(PublicityClosingSoonV1.TYPE, a.id, new PublicityClosingSoonV1(a.id, a.kind.name(), a.projectId,
                                a.endsOn, undecided.intValue(), today))
                        .chain(() -> audit.record(PublicityCloser.ACTOR, "announcement.closing-soon-warned", "announcement", a.id,
                                undecided + " objection(s) undecided", Map.of("endsOn", a.endsOn.toString())))
                        .replaceWith(true);
            });
        });
    }

    /** Open announcements whose window has ended (their last day is before {@code today}). */
    public Uni<List<UUID>> due(LocalDate today) {
        return Announcement.<Announcement>list("status = ?1 and endsOn < ?2 order by endsOn, id", Announcement.Status.OPEN, today)
                .map(list -> list.stream().map(a -> a.id).toList());
    }

    /** Undecided objections of open announcements whose window ends on or before {@code day}. */
    public Uni<Long> undecidedEndingBy(LocalDate day) {
        return Objection.count("decision is null and announcementId in (select a.id from Announcement a where a.status = ?1 and a.endsOn <= ?2)",
                Announcement.Status.OPEN, day);
    }

    private static Uni<Announcement> locked(UUID id) {
        return Announcement.<Announcement>findById(id, LockModeType.PESSIMISTIC_WRITE).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("announcement", id));
    }

    private String json(PublicityWindow window) {
        try {
            return mapper.writeValueAsString(window);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
