package cn.ruralfund.reporting.service;

import cn.ruralfund.platform.contracts.ProgramCreatedV1;
import cn.ruralfund.platform.events.CloudEvent;
import cn.ruralfund.platform.inbox.PoisonMessageException;
import cn.ruralfund.reporting.readmodel.DirectionSummary;
import cn.ruralfund.reporting.readmodel.ProgramSummary;
import cn.ruralfund.reporting.readmodel.TimelineEntry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Programs as budget-service announces them; a new program gets its performance target table from a matching template. */
@ApplicationScoped
public class ProgramReadModel {

    private final TargetTable targets;

    ProgramReadModel(TargetTable targets) {
        this.targets = targets;
    }

    public Uni<Void> created(CloudEvent event, ProgramCreatedV1 created) {
        if (created.programId() == null || created.total() == null || created.directions() == null || created.name() == null) {
            throw new PoisonMessageException("program-created without programId, name, total or directions", null);
        }
        ProgramSummary program = new ProgramSummary();
        program.programId = created.programId();
        program.county = created.county();
        program.year = created.year();
        program.name = created.name();
        program.allotted = created.total();
        program.periodStart = created.periodStart() == null ? null : created.periodStart().atDay(1);
        program.periodEnd = created.periodEnd() == null ? null : created.periodEnd().atEndOfMonth();
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
                .chain(() -> targets.seedFromTemplate(program))
                .replaceWithVoid();
    }
}
