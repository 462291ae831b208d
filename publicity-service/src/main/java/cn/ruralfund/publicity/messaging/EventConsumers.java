package cn.ruralfund.publicity.messaging;

import cn.ruralfund.platform.contracts.AcceptanceConcludedV1;
import cn.ruralfund.platform.contracts.ApplicationSubmittedV1;
import cn.ruralfund.platform.contracts.ReviewRecordedV1;
import cn.ruralfund.platform.contracts.BudgetCommittedV1;
import cn.ruralfund.platform.contracts.DisbursementPaidV1;
import cn.ruralfund.platform.contracts.EnterpriseDisqualifiedV2;
import cn.ruralfund.platform.contracts.ProgramRulesSetV1;
import cn.ruralfund.platform.contracts.ViolationConfirmedV1;
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
import cn.ruralfund.publicity.service.PublicCache;
import cn.ruralfund.publicity.service.WindowLengths;
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
    private final WindowLengths lengths;
    private final PublicCache cache;

    EventConsumers(Inbox inbox, AnnouncementService announcements, NoticeService notices, OpenContracting openContracting,
                   WindowLengths lengths, PublicCache cache) {
        this.lengths = lengths;
        this.cache = cache;
        this.openContracting = openContracting;
        this.inbox = inbox;
        this.announcements = announcements;
        this.notices = notices;
    }

    // Each record invalidates the public cache again once its transaction has committed: the services invalidate it
    // inside the transaction, so a reader in between could have cached the state from before the change.
    @Incoming("acceptance-events")
    Uni<Void> onAcceptanceEvent(String record) {
        return inbox.apply("acceptance-events", record, this::acceptance).invoke(cache::invalidate);
    }

    @Incoming("project-events")
    Uni<Void> onProjectEvent(String record) {
        return inbox.apply("project-events", record, this::project).invoke(cache::invalidate);
    }

    @Incoming("budget-events")
    Uni<Void> onBudgetEvent(String record) {
        return inbox.apply("budget-events", record, this::budget).invoke(cache::invalidate);
    }

    private static String actor(CloudEvent e) {
        return "event:" + e.source();
    }

    Uni<Void> acceptance(CloudEvent e) {
        if (ApplicationSubmittedV1.TYPE.type().equals(e.type())) {
            ApplicationSubmittedV1 a = inbox.data(e, ApplicationSubmittedV1.class);
            require(a.projectId() != null && a.enterpriseCreditCode() != null && a.submittedAt() != null, e,
                    "projectId, enterpriseCreditCode, submittedAt");
            return notices.applicationSubmitted(a, e.id(), actor(e)).replaceWithVoid();
        }
        if (ReviewRecordedV1.TYPE.type().equals(e.type())) {
            ReviewRecordedV1 r = inbox.data(e, ReviewRecordedV1.class);
            require(r.projectId() != null && r.stage() != null && r.outcome() != null && r.reviewedAt() != null, e,
                    "projectId, stage, outcome, reviewedAt");
            return notices.reviewRecorded(r, e.id(), actor(e)).replaceWithVoid();
        }
        if (!AcceptanceConcludedV1.TYPE.type().equals(e.type())) {
            return Uni.createFrom().voidItem();
        }
        AcceptanceConcludedV1 a = inbox.data(e, AcceptanceConcludedV1.class);
        require(a.projectId() != null && (AcceptanceConcludedV1.PASS.equals(a.conclusion()) || AcceptanceConcludedV1.FAIL.equals(a.conclusion())),
                e, "projectId, conclusion PASS or FAIL");
        if (!AcceptanceConcludedV1.PASS.equals(a.conclusion())) {
            return notices.acceptanceFailed(a, e.id(), actor(e)).replaceWithVoid(); // a notice; only a pass opens a window (R5)
        }
        return announcements.openForAcceptance(a, e.id(), actor(e)).replaceWithVoid();
    }

    Uni<Void> budget(CloudEvent e) {
        if (ProgramRulesSetV1.TYPE.type().equals(e.type())) {
            ProgramRulesSetV1 r = inbox.data(e, ProgramRulesSetV1.class);
            require(r.programId() != null, e, "programId");
            return lengths.rulesSet(r, e.id(), actor(e));
        }
        if (BudgetCommittedV1.TYPE.type().equals(e.type())) {
            BudgetCommittedV1 b = inbox.data(e, BudgetCommittedV1.class);
            require(b.projectId() != null && money(b.committed()), e, "projectId, committed (yuan, to the fen)");
            return openContracting.budgetCommitted(b, e.id()).replaceWithVoid();
        }
        if (DisbursementPaidV1.TYPE.type().equals(e.type())) {
            DisbursementPaidV1 p = inbox.data(e, DisbursementPaidV1.class);
            require(p.disbursementId() != null && p.projectId() != null && money(p.amount()) && p.paidOn() != null, e,
                    "disbursementId, projectId, amount (yuan, to the fen), paidOn");
            return openContracting.disbursementPaid(p, e.id()).replaceWithVoid();
        }
        return Uni.createFrom().voidItem();
    }

    private static boolean money(java.math.BigDecimal amount) {
        return amount != null && amount.signum() >= 0 && amount.stripTrailingZeros().scale() <= 2;
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
        // v2 only: project-service publishes v1 beside it for older subscribers, and one disqualification is one notice
        if (EnterpriseDisqualifiedV2.TYPE.type().equals(e.type())) {
            EnterpriseDisqualifiedV2 d = inbox.data(e, EnterpriseDisqualifiedV2.class);
            require(d.enterpriseCreditCode() != null && d.programId() != null && d.rule() != null
                    && d.reason() != null && d.recoverFrom() != null && d.disqualifiedAt() != null, e,
                    "enterpriseCreditCode, programId, rule, reason, recoverFrom, disqualifiedAt");
            return notices.disqualified(d, e.id(), actor(e)).replaceWithVoid();
        }
        if (ViolationConfirmedV1.TYPE.type().equals(e.type())) {
            ViolationConfirmedV1 v = inbox.data(e, ViolationConfirmedV1.class);
            require(v.projectId() != null && v.kind() != null && v.rule() != null
                    && (v.amount() == null || v.amount().signum() >= 0 && v.amount().stripTrailingZeros().scale() <= 2), e,
                    "projectId, kind, rule, amount (yuan, to the fen, or absent)");
            return notices.violationConfirmed(v, e.id(), actor(e)).replaceWithVoid();
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
