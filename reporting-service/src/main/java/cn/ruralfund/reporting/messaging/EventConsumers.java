package cn.ruralfund.reporting.messaging;

import cn.ruralfund.platform.contracts.AcceptanceConcludedV1;
import cn.ruralfund.platform.contracts.AllocationSetV1;
import cn.ruralfund.platform.contracts.BudgetCommittedV1;
import cn.ruralfund.platform.contracts.DisbursementPaidV1;
import cn.ruralfund.platform.contracts.EnterpriseDisqualifiedV2;
import cn.ruralfund.platform.contracts.ProjectRegisteredV1;
import cn.ruralfund.platform.contracts.PublicityClosedV1;
import cn.ruralfund.platform.contracts.RectificationClosedV1;
import cn.ruralfund.platform.contracts.RectificationIssuedV1;
import cn.ruralfund.platform.contracts.ProgramCreatedV1;
import cn.ruralfund.platform.contracts.RecoveryCompletedV1;
import cn.ruralfund.platform.events.CloudEvent;
import cn.ruralfund.platform.events.EventType;
import cn.ruralfund.platform.inbox.Inbox;
import cn.ruralfund.reporting.service.FundReadModel;
import cn.ruralfund.reporting.service.ProgramReadModel;
import cn.ruralfund.reporting.service.ProjectReadModel;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.List;

/** reporting-service's incoming channels: each record through the Inbox (applied once), routed by type to a service. */
@ApplicationScoped
public class EventConsumers {

    private final Inbox inbox;
    private final ProgramReadModel programs;
    private final FundReadModel funds;
    private final SalesFeedBatches salesBatches;
    private final ProjectReadModel projects;

    EventConsumers(Inbox inbox, ProgramReadModel programs, FundReadModel funds, SalesFeedBatches salesBatches,
                   ProjectReadModel projects) {
        this.inbox = inbox;
        this.programs = programs;
        this.funds = funds;
        this.salesBatches = salesBatches;
        this.projects = projects;
    }

    @Incoming("budget-events")
    public Uni<Void> onBudgetEvent(String record) {
        return inbox.apply("budget-events", record, event -> {
            if (is(event, ProgramCreatedV1.TYPE)) {
                return programs.created(event, inbox.data(event, ProgramCreatedV1.class));
            }
            if (is(event, AllocationSetV1.TYPE)) {
                return funds.allocationSet(event, inbox.data(event, AllocationSetV1.class));
            }
            if (is(event, BudgetCommittedV1.TYPE)) {
                return funds.budgetCommitted(inbox.data(event, BudgetCommittedV1.class));
            }
            if (is(event, DisbursementPaidV1.TYPE)) {
                return funds.paid(inbox.data(event, DisbursementPaidV1.class));
            }
            if (is(event, RecoveryCompletedV1.TYPE)) {
                return funds.recovered(inbox.data(event, RecoveryCompletedV1.class));
            }
            return skip();
        });
    }

    /** Projects, disqualifications and notices, for the project read models and T7. */
    @Incoming("project-events")
    public Uni<Void> onProjectEvent(String record) {
        return inbox.apply("project-events", record, event -> {
            if (is(event, ProjectRegisteredV1.TYPE)) {
                return projects.registered(inbox.data(event, ProjectRegisteredV1.class));
            }
            if (is(event, EnterpriseDisqualifiedV2.TYPE)) {
                return projects.disqualified(inbox.data(event, EnterpriseDisqualifiedV2.class));
            }
            if (is(event, RectificationIssuedV1.TYPE)) {
                return projects.noticeIssued(inbox.data(event, RectificationIssuedV1.class));
            }
            if (is(event, RectificationClosedV1.TYPE)) {
                return projects.noticeClosed(inbox.data(event, RectificationClosedV1.class));
            }
            return skip();
        });
    }

    @Incoming("publicity-events")
    public Uni<Void> onPublicityEvent(String record) {
        return inbox.apply("publicity-events", record, event -> is(event, PublicityClosedV1.TYPE)
                ? projects.publicityClosed(inbox.data(event, PublicityClosedV1.class)) : skip());
    }

    @Incoming("acceptance-events")
    public Uni<Void> onAcceptanceEvent(String record) {
        return inbox.apply("acceptance-events", record, event -> is(event, AcceptanceConcludedV1.TYPE)
                ? funds.acceptance(inbox.data(event, AcceptanceConcludedV1.class)) : skip());
    }

    /**
     * The machine feed of sales records, a poll at a time ({@code batch=true}), each record still applied once
     * (reporting-service's own events share the topic and are skipped): see {@link SalesFeedBatches}.
     */
    @Incoming("sales-feed")
    public Uni<Void> onSalesFeed(List<String> records) {
        return salesBatches.apply(records);
    }

    private static boolean is(CloudEvent event, EventType<?> type) {
        return event.type().equals(type.type());
    }

    private static Uni<Void> skip() {
        return Uni.createFrom().voidItem(); // a type this service does not read
    }
}
