package cn.ruralfund.project.messaging;

import cn.ruralfund.platform.contracts.AllocationSetV1;
import cn.ruralfund.platform.contracts.BudgetCommittedV1;
import cn.ruralfund.platform.contracts.BudgetRefusedV1;
import cn.ruralfund.platform.contracts.ProgramCreatedV1;
import cn.ruralfund.platform.events.CloudEvent;
import cn.ruralfund.platform.inbox.Inbox;
import cn.ruralfund.project.service.DirectionService;
import cn.ruralfund.project.service.ProjectService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** budget-service's events: programs and directions (read model, F2), budget committed or refused. */
@ApplicationScoped
public class BudgetEvents {

    static final String CONSUMER = "budget-events";

    private final Inbox inbox;
    private final DirectionService directions;
    private final ProjectService projects;

    BudgetEvents(Inbox inbox, DirectionService directions, ProjectService projects) {
        this.inbox = inbox;
        this.directions = directions;
        this.projects = projects;
    }

    @Incoming(CONSUMER)
    Uni<Void> on(String record) {
        return inbox.apply(CONSUMER, record, this::handle);
    }

    Uni<Void> handle(CloudEvent event) {
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
        return Uni.createFrom().voidItem();
    }
}
