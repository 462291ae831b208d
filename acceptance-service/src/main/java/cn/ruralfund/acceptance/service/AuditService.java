package cn.ruralfund.acceptance.service;

import cn.ruralfund.platform.security.Actor;
import cn.ruralfund.acceptance.domain.Application;
import cn.ruralfund.acceptance.domain.ThirdPartyAudit;
import cn.ruralfund.platform.audit.AuditTrail;
import cn.ruralfund.platform.contracts.AuditCompletedV1;
import cn.ruralfund.platform.outbox.Outbox;
import cn.ruralfund.platform.problem.ProblemException;
import cn.ruralfund.platform.time.PlatformClock;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * The third-party audit (第三方审计, R7) of a passed application: the audit firm, its report number and the
 * audited eligible amount, published as audit-completed (budget-service caps the project's payments by it).
 */
@ApplicationScoped
public class AuditService {

    private final Outbox outbox;
    private final AuditTrail audit;
    private final PlatformClock clock;

    AuditService(Outbox outbox, AuditTrail audit, PlatformClock clock) {
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<ThirdPartyAudit> record(UUID applicationId, Commands.RecordAudit cmd, Actor actor) {
        return ApplicationService.locked(applicationId).chain(a -> {
            if (a.status != Application.Status.PASSED) {
                throw ProblemException.rule("r7-audit-needs-pass", "Audit needs a passed acceptance",
                        "application " + a.id + " is " + a.status + "; the third-party audit follows a passed acceptance");
            }
            return ThirdPartyAudit.count("applicationId", a.id).chain(n -> {
                if (n > 0) {
                    throw ProblemException.conflict("r7-audit-recorded", "Audit already recorded",
                            "the third-party audit of application " + a.id + " is already recorded");
                }
                ThirdPartyAudit t = new ThirdPartyAudit();
                t.id = UUID.randomUUID();
                t.applicationId = a.id;
                t.projectId = a.projectId;
                t.auditFirm = cmd.auditFirm();
                t.reportNumber = cmd.reportNumber();
                t.auditedEligibleAmount = cmd.auditedEligibleAmount().setScale(2);
                t.recordedBy = actor.name();
                t.completedAt = clock.now();
                AuditCompletedV1 event = new AuditCompletedV1(t.projectId, t.auditFirm, t.reportNumber, t.auditedEligibleAmount, t.completedAt);
                return t.persist()
                        .chain(() -> outbox.publish(AuditCompletedV1.TYPE, t.projectId, event))
                        .chain(() -> audit.record(actor.name(), "audit.completed", "application", a.id, t.reportNumber, event))
                        .replaceWith(t);
            });
        });
    }
}
