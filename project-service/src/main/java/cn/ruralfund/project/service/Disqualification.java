package cn.ruralfund.project.service;

import cn.ruralfund.platform.audit.AuditTrail;
import cn.ruralfund.platform.contracts.EnterpriseDisqualifiedV1;
import cn.ruralfund.platform.contracts.EnterpriseDisqualifiedV2;
import cn.ruralfund.platform.outbox.Outbox;
import cn.ruralfund.platform.time.PlatformClock;
import cn.ruralfund.project.domain.Enterprise;
import cn.ruralfund.project.domain.Project;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * 取消承办资格 (R11–R15): the enterprise's role in the program ends. The enterprise is barred from new projects, every
 * one of its projects in the program that is not yet concluded is disqualified, and the event tells budget-service
 * to stop them all and where to recover the money paid ({@link EnterpriseDisqualifiedV2}). Runs in the caller's
 * transaction; the projects are locked against the channels that also write them.
 */
@ApplicationScoped
public class Disqualification {

    private final Outbox outbox;
    private final AuditTrail audit;
    private final PlatformClock clock;
    private final MeterRegistry metrics;

    Disqualification(Outbox outbox, AuditTrail audit, PlatformClock clock, MeterRegistry metrics) {
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * @param failedProject where the violation or failure happened
     * @param recover       whether this event orders the paid money recovered on that project (R12–R14: yes; R11 and
     *                      R15: no, the violation-confirmed event carries the recovery and its amount)
     */
    public Uni<Void> disqualify(Enterprise enterprise, Project failedProject, String rule, String reason, boolean recover, String actor) {
        enterprise.status = Enterprise.Status.DISQUALIFIED;
        enterprise.statusReason = reason;
        return Project.<Project>find("enterpriseId = ?1 and programId = ?2 order by id", enterprise.id, failedProject.programId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .chain(projects -> {
                    List<UUID> stopped = projects.stream()
                            .filter(p -> p.id.equals(failedProject.id) || p.status != Project.Status.ACCEPTED)
                            .peek(p -> {
                                p.status = Project.Status.DISQUALIFIED;
                                p.statusReason = reason;
                            })
                            .map(p -> p.id).toList();
                    metrics.counter("ruralfund_project_disqualifications_total", "rule", rule).increment();
                    EnterpriseDisqualifiedV2 v2 = new EnterpriseDisqualifiedV2(enterprise.creditCode, enterprise.name, failedProject.programId, rule,
                            reason, recover ? List.of(failedProject.id) : List.of(), clock.now());
                    // v1 stays published for its subscribers, listing the projects it stopped
                    EnterpriseDisqualifiedV1 v1 = new EnterpriseDisqualifiedV1(enterprise.creditCode, enterprise.name, rule, reason, stopped, v2.disqualifiedAt());
                    return outbox.publish(EnterpriseDisqualifiedV2.TYPE, enterprise.creditCode, v2)
                            .chain(() -> outbox.publish(EnterpriseDisqualifiedV1.TYPE, enterprise.creditCode, v1))
                            .chain(() -> audit.record(actor, "enterprise.disqualified", "enterprise", enterprise.id, reason,
                                    Map.of("rule", rule, "programId", failedProject.programId, "projects", stopped)));
                });
    }
}
