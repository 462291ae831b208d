package cn.ruralfund.reporting.messaging;

import cn.ruralfund.platform.contracts.ProgramCreatedV1;
import cn.ruralfund.platform.events.CloudEvent;
import cn.ruralfund.platform.inbox.Inbox;
import cn.ruralfund.reporting.readmodel.DirectionSummary;
import cn.ruralfund.reporting.readmodel.ProgramSummary;
import cn.ruralfund.reporting.readmodel.TimelineEntry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;


/** Builds the program read model from budget-service's events. */
@ApplicationScoped
public class BudgetEventsConsumer {

    private static final String CHANNEL = "budget-events";

    private final Inbox inbox;

    BudgetEventsConsumer(Inbox inbox) {
        this.inbox = inbox;
    }

    @Incoming(CHANNEL)
    public Uni<Void> onBudgetEvent(String record) {
        return inbox.apply(CHANNEL, record, this::apply);
    }

    Uni<Void> apply(CloudEvent event) {
        if (event.type().equals(ProgramCreatedV1.TYPE.type())) {
            return programCreated(event, inbox.data(event, ProgramCreatedV1.class));
        }
        return Uni.createFrom().voidItem(); // a type this service does not read
    }

    private Uni<Void> programCreated(CloudEvent event, ProgramCreatedV1 created) {
        ProgramSummary program = new ProgramSummary();
        program.programId = created.programId();
        program.county = created.county();
        program.year = created.year();
        program.name = created.name();
        program.allotted = created.total();
        program.updatedAt = event.time();
        TimelineEntry entry = new TimelineEntry();
        entry.programId = created.programId();
        entry.eventId = event.id();
        entry.eventType = event.type();
        entry.occurredAt = event.time();
        entry.summary = "program set up: ¥" + created.total().toPlainString() + " allotted over "
                + created.directions().size() + " directions";
        return program.persist()
                .chain(() -> DirectionSummary.persist(created.directions().stream().map(d -> {
                    DirectionSummary direction = new DirectionSummary();
                    direction.directionId = d.directionId();
                    direction.programId = created.programId();
                    direction.name = d.name();
                    direction.allocation = d.allocation();
                    return direction;
                })))
                .chain(() -> entry.persist())
                .replaceWithVoid();
    }
}
