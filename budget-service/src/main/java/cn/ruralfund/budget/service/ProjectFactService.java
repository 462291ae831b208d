package cn.ruralfund.budget.service;

import cn.ruralfund.platform.money.Money;
import cn.ruralfund.budget.domain.ProjectFact;
import cn.ruralfund.platform.audit.AuditTrail;
import cn.ruralfund.platform.contracts.AcceptanceConcludedV1;
import cn.ruralfund.platform.contracts.AuditCompletedV1;
import cn.ruralfund.platform.contracts.PublicityClosedV1;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * The event-borne preconditions of R7 on a project (acceptance, audit, publicity), each written by its own channel.
 * The channels run concurrently, so each write makes sure the row exists, then locks it ({@code SELECT … FOR UPDATE})
 * and sets only its own columns: no channel overwrites another's answer with a stale one.
 */
@ApplicationScoped
public class ProjectFactService {

    private final RecoveryService recoveries;
    private final AuditTrail audit;

    ProjectFactService(RecoveryService recoveries, AuditTrail audit) {
        this.recoveries = recoveries;
        this.audit = audit;
    }

    /** R4: the acceptance conclusion; a FAIL stops the project's money and recovers what was paid (R8). */
    public Uni<Void> concluded(AcceptanceConcludedV1 a, String eventId, String actor) {
        return locked(a.projectId()).chain(f -> {
            f.acceptance = a.conclusion();
            f.acceptanceReason = a.reason();
            f.acceptedAt = a.concludedAt();
            return audit.record(actor, "acceptance.concluded", "project", a.projectId(), a.reason(), a);
        }).chain(() -> AcceptanceConcludedV1.FAIL.equals(a.conclusion())
                ? recoveries.stopAndRecover(a.projectId(), "R8", "ACCEPTANCE_FAILED", eventId, null,
                "acceptance failed" + (a.reason() == null ? "" : " (" + a.reason() + ")"), actor)
                : Uni.createFrom().voidItem());
    }

    /** The third-party audit: its eligible amount caps the acceptance payment. */
    public Uni<Void> audited(AuditCompletedV1 a, String actor) {
        return locked(a.projectId()).chain(f -> {
            f.auditedAmount = Money.of(a.auditedEligibleAmount());
            f.auditFirm = a.auditFirm();
            f.auditReport = a.reportNumber();
            f.auditedAt = a.completedAt();
            return audit.record(actor, "audit.completed", "project", a.projectId(), a.reportNumber(), a);
        }).replaceWithVoid();
    }

    /** R5: the publicity window closed, with or without an upheld objection. */
    public Uni<Void> publicityClosed(PublicityClosedV1 p, OffsetDateTime eventTime, String actor) {
        return locked(p.projectId()).chain(f -> {
            f.publicityClosedOn = p.closedOn() != null ? p.closedOn() : p.closedAt() != null ? p.closedAt().toLocalDate() : eventTime.toLocalDate();
            f.objectionUpheld = p.objectionUpheld();
            return audit.record(actor, "publicity.closed", "project", p.projectId(),
                    p.objectionUpheld() ? "objection upheld" : "no objection upheld", Map.of("announcementId", String.valueOf(p.announcementId())));
        }).replaceWithVoid();
    }

    private static Uni<ProjectFact> locked(UUID projectId) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("insert into project_fact (project_id) values (:id) on conflict do nothing")
                        .setParameter("id", projectId).executeUpdate())
                .chain(() -> ProjectFact.<ProjectFact>findById(projectId, LockModeType.PESSIMISTIC_WRITE));
    }
}
