package cn.ruralfund.publicity.messaging;

import cn.ruralfund.platform.contracts.AcceptanceConcludedV1;
import cn.ruralfund.platform.contracts.EnterpriseDisqualifiedV1;
import cn.ruralfund.platform.contracts.ProjectRegisteredV1;
import cn.ruralfund.platform.contracts.RectificationIssuedV1;
import cn.ruralfund.platform.contracts.TenderAwardedV1;
import cn.ruralfund.platform.events.CloudEvent;
import cn.ruralfund.platform.inbox.Inbox;
import cn.ruralfund.platform.inbox.PoisonMessageException;
import cn.ruralfund.publicity.domain.ProjectFact;
import cn.ruralfund.publicity.service.AnnouncementService;
import cn.ruralfund.publicity.service.NoticeService;
import cn.ruralfund.publicity.service.OpenContracting;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * What publicity-service hears: each event applied once (Inbox), in one transaction with what it causes. Consumers
 * route and check that the contract's required fields are there (fail closed); the services decide.
 */
@ApplicationScoped
public class EventConsumers {

    private final Inbox inbox;
    private final AnnouncementService announcements;
    private final NoticeService notices;
    private final OpenContracting openContracting;

    EventConsumers(Inbox inbox, AnnouncementService announcements, NoticeService notices, OpenContracting openContracting) {
        this.openContracting = openContracting;
        this.inbox = inbox;
        this.announcements = announcements;
        this.notices = notices;
    }

    @Incoming("acceptance-events")
    Uni<Void> onAcceptanceEvent(String record) {
        return inbox.apply("acceptance-events", record, this::acceptance);
    }

    @Incoming("project-events")
    Uni<Void> onProjectEvent(String record) {
        return inbox.apply("project-events", record, this::project);
    }

    private static String actor(CloudEvent e) {
        return "event:" + e.source();
    }

    Uni<Void> acceptance(CloudEvent e) {
        if (!AcceptanceConcludedV1.TYPE.type().equals(e.type())) {
            return Uni.createFrom().voidItem();
        }
        AcceptanceConcludedV1 a = inbox.data(e, AcceptanceConcludedV1.class);
        require(a.projectId() != null && (AcceptanceConcludedV1.PASS.equals(a.conclusion()) || AcceptanceConcludedV1.FAIL.equals(a.conclusion())),
                e, "projectId, conclusion PASS or FAIL");
        if (!AcceptanceConcludedV1.PASS.equals(a.conclusion())) {
            return Uni.createFrom().voidItem(); // only a passed project is announced (R5)
        }
        return announcements.openForAcceptance(a, e.id(), actor(e)).replaceWithVoid();
    }

    Uni<Void> project(CloudEvent e) {
        if (ProjectRegisteredV1.TYPE.type().equals(e.type())) {
            ProjectRegisteredV1 p = inbox.data(e, ProjectRegisteredV1.class);
            require(p.projectId() != null && p.projectName() != null, e, "projectId, projectName");
            return ProjectFact.<ProjectFact>findById(p.projectId()).chain(existing -> {
                ProjectFact f = existing != null ? existing : new ProjectFact();
                f.projectId = p.projectId();
                f.programId = p.programId();
                f.name = p.projectName();
                f.enterpriseCode = p.enterpriseCreditCode();
                f.enterpriseName = p.enterpriseName();
                f.task = p.task();
                return f.persist();
            }).replaceWithVoid();
        }
        if (TenderAwardedV1.TYPE.type().equals(e.type())) {
            TenderAwardedV1 t = inbox.data(e, TenderAwardedV1.class);
            require(t.tenderId() != null && t.title() != null && t.enterpriseName() != null && t.enterpriseCreditCode() != null
                    && t.amount() != null && t.amount().signum() >= 0 && t.amount().stripTrailingZeros().scale() <= 2
                    && t.awardDate() != null, e, "tenderId, title, enterprise, amount (yuan, to the fen), awardDate");
            return notices.tenderAwarded(t, e.id(), actor(e)).chain(() -> openContracting.tenderAwarded(t, e.id())).replaceWithVoid();
        }
        if (EnterpriseDisqualifiedV1.TYPE.type().equals(e.type())) {
            EnterpriseDisqualifiedV1 d = inbox.data(e, EnterpriseDisqualifiedV1.class);
            require(d.enterpriseCreditCode() != null && d.enterpriseName() != null && d.rule() != null && d.reason() != null
                    && d.disqualifiedAt() != null, e, "enterpriseCreditCode, enterpriseName, rule, reason, disqualifiedAt");
            return notices.disqualified(d, e.id(), actor(e)).replaceWithVoid();
        }
        if (RectificationIssuedV1.TYPE.type().equals(e.type())) {
            RectificationIssuedV1 r = inbox.data(e, RectificationIssuedV1.class);
            require(r.noticeId() != null && r.enterpriseName() != null && r.rule() != null && r.reason() != null && r.deadline() != null,
                    e, "noticeId, enterpriseName, rule, reason, deadline");
            return notices.rectificationIssued(r, e.id(), actor(e)).replaceWithVoid();
        }
        return Uni.createFrom().voidItem();
    }

    private static void require(boolean ok, CloudEvent e, String what) {
        if (!ok) {
            throw new PoisonMessageException(e.type() + " " + e.id() + " lacks a valid " + what, null);
        }
    }
}
