package cn.ruralfund.project.messaging;

import cn.ruralfund.platform.contracts.AcceptanceConcludedV1;
import cn.ruralfund.platform.contracts.AllocationSetV1;
import cn.ruralfund.platform.contracts.BudgetCommittedV1;
import cn.ruralfund.platform.contracts.BudgetRefusedV1;
import cn.ruralfund.platform.contracts.ProgramCreatedV1;
import cn.ruralfund.platform.contracts.PublicityClosedV1;
import cn.ruralfund.platform.contracts.ReportOverdueV1;
import cn.ruralfund.platform.events.CloudEvent;
import cn.ruralfund.platform.inbox.Inbox;
import cn.ruralfund.project.service.DirectionService;
import cn.ruralfund.project.service.ProjectService;
import cn.ruralfund.project.service.NoticeService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * What project-service hears from the other services; each event is applied once (Inbox), in one
 * transaction with the changes and events it causes. Types it does not read are skipped.
 */
@ApplicationScoped
public class EventConsumers {

    private final Inbox inbox;
    private final DirectionService directions;
    private final ProjectService projects;
    private final NoticeService notices;

    EventConsumers(Inbox inbox, DirectionService directions, ProjectService projects, NoticeService notices) {
        this.inbox = inbox;
        this.directions = directions;
        this.projects = projects;
        this.notices = notices;
    }

    /** budget-service: programs and directions (read model, F2), budget committed or refused. */
    @Incoming("budget-events")
    Uni<Void> onBudgetEvent(String record) {
        return inbox.apply("budget-events", record, this::budget);
    }

    /** acceptance-service: the acceptance conclusion of a project (R4). */
    @Incoming("acceptance-events")
    Uni<Void> onAcceptanceEvent(String record) {
        return inbox.apply("acceptance-events", record, event -> is(event, AcceptanceConcludedV1.TYPE.type())
                ? projects.apply(inbox.data(event, AcceptanceConcludedV1.class), event.source()) : skip());
    }

    /** publicity-service: the publicity (公示, R5) of a project closed. */
    @Incoming("publicity-events")
    Uni<Void> onPublicityEvent(String record) {
        return inbox.apply("publicity-events", record, event -> is(event, PublicityClosedV1.TYPE.type())
                ? projects.apply(inbox.data(event, PublicityClosedV1.class), event.source()) : skip());
    }

    /** reporting-service: overdue sales reports (R16) become data-reporting notices. */
    @Incoming("reporting-events")
    Uni<Void> onReportingEvent(String record) {
        return inbox.apply("reporting-events", record, event -> is(event, ReportOverdueV1.TYPE.type())
                ? notices.apply(inbox.data(event, ReportOverdueV1.class), event.id(), event.source()) : skip());
    }

    private Uni<Void> budget(CloudEvent event) {
        String type = event.type();
        if (type.equals(ProgramCreatedV1.TYPE.type())) {
            return directions.apply(inbox.data(event, ProgramCreatedV1.class));
        }
        if (type.equals(AllocationSetV1.TYPE.type())) {
            return directions.apply(inbox.data(event, AllocationSetV1.class));
        }
        if (type.equals(BudgetCommittedV1.TYPE.type())) {
            return projects.apply(inbox.data(event, BudgetCommittedV1.class), event.source());
        }
        if (type.equals(BudgetRefusedV1.TYPE.type())) {
            return projects.apply(inbox.data(event, BudgetRefusedV1.class), event.source());
        }
        return skip();
    }

    private static boolean is(CloudEvent event, String type) {
        return event.type().equals(type);
    }

    private static Uni<Void> skip() {
        return Uni.createFrom().voidItem();
    }
}
