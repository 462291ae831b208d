package cn.ruralfund.budget.messaging;

import cn.ruralfund.budget.service.BudgetService;
import cn.ruralfund.budget.service.ProjectFactService;
import cn.ruralfund.budget.service.RecoveryService;
import cn.ruralfund.platform.contracts.AcceptanceConcludedV1;
import cn.ruralfund.platform.contracts.AuditCompletedV1;
import cn.ruralfund.platform.contracts.EnterpriseDisqualifiedV2;
import cn.ruralfund.platform.contracts.ProgressReportedV1;
import cn.ruralfund.platform.contracts.ProjectRegisteredV1;
import cn.ruralfund.platform.contracts.PublicityClosedV1;
import cn.ruralfund.platform.contracts.ViolationConfirmedV1;
import cn.ruralfund.platform.events.CloudEvent;
import cn.ruralfund.platform.inbox.Inbox;
import cn.ruralfund.platform.inbox.PoisonMessageException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;


/**
 * What budget-service hears from the other services; each event is applied once (Inbox), in one transaction with the
 * changes and events it causes. Event types of a family that budget-service does not care about are skipped.
 */
@ApplicationScoped
public class EventConsumers {

    private final Inbox inbox;
    private final BudgetService budgets;
    private final RecoveryService recoveries;
    private final ProjectFactService facts;

    EventConsumers(Inbox inbox, BudgetService budgets, RecoveryService recoveries, ProjectFactService facts) {
        this.inbox = inbox;
        this.budgets = budgets;
        this.recoveries = recoveries;
        this.facts = facts;
    }

    @Incoming("project-events")
    Uni<Void> onProjectEvent(String record) {
        return inbox.apply("project-events", record, this::project);
    }

    @Incoming("acceptance-events")
    Uni<Void> onAcceptanceEvent(String record) {
        return inbox.apply("acceptance-events", record, this::acceptance);
    }

    @Incoming("publicity-events")
    Uni<Void> onPublicityEvent(String record) {
        return inbox.apply("publicity-events", record, this::publicity);
    }

    private static String actor(CloudEvent e) {
        return "event:" + e.source();
    }

    Uni<Void> project(CloudEvent e) {
        if (ProjectRegisteredV1.TYPE.type().equals(e.type())) {
            return budgets.register(inbox.data(e, ProjectRegisteredV1.class), actor(e));
        }
        if (ProgressReportedV1.TYPE.type().equals(e.type())) {
            return budgets.progressReported(inbox.data(e, ProgressReportedV1.class));
        }
        if (EnterpriseDisqualifiedV2.TYPE.type().equals(e.type())) {
            return recoveries.disqualified(inbox.data(e, EnterpriseDisqualifiedV2.class), e.id(), actor(e));
        }
        if (ViolationConfirmedV1.TYPE.type().equals(e.type())) {
            ViolationConfirmedV1 v = inbox.data(e, ViolationConfirmedV1.class);
            require("R11".equals(v.rule()) || "R15".equals(v.rule()), e, "rule R11 or R15");
            return recoveries.violationConfirmed(v, e.id(), actor(e));
        }
        return Uni.createFrom().voidItem();
    }

    Uni<Void> acceptance(CloudEvent e) {
        if (AcceptanceConcludedV1.TYPE.type().equals(e.type())) {
            AcceptanceConcludedV1 a = inbox.data(e, AcceptanceConcludedV1.class);
            require(AcceptanceConcludedV1.PASS.equals(a.conclusion()) || AcceptanceConcludedV1.FAIL.equals(a.conclusion()), e, "conclusion PASS or FAIL");
            return facts.concluded(a, e.id(), actor(e));
        }
        if (AuditCompletedV1.TYPE.type().equals(e.type())) {
            return facts.audited(inbox.data(e, AuditCompletedV1.class), actor(e));
        }
        return Uni.createFrom().voidItem();
    }

    Uni<Void> publicity(CloudEvent e) {
        if (PublicityClosedV1.TYPE.type().equals(e.type())) {
            PublicityClosedV1 p = inbox.data(e, PublicityClosedV1.class);
            return p.projectId() == null ? Uni.createFrom().voidItem() // not about a project's money
                    : facts.publicityClosed(p, e.time(), actor(e));
        }
        return Uni.createFrom().voidItem();
    }

    private static void require(boolean ok, CloudEvent e, String what) {
        if (!ok) {
            throw new PoisonMessageException(e.type() + " " + e.id() + " lacks a valid " + what, null);
        }
    }
}
