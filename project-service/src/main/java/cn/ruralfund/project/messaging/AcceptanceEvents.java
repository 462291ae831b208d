package cn.ruralfund.project.messaging;

import cn.ruralfund.platform.contracts.AcceptanceConcludedV1;
import cn.ruralfund.platform.events.CloudEvent;
import cn.ruralfund.platform.inbox.Inbox;
import cn.ruralfund.project.service.ProjectService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** acceptance-service's events: the acceptance conclusion of a project (R4). */
@ApplicationScoped
public class AcceptanceEvents {

    static final String CONSUMER = "acceptance-events";

    private final Inbox inbox;
    private final ProjectService projects;

    AcceptanceEvents(Inbox inbox, ProjectService projects) {
        this.inbox = inbox;
        this.projects = projects;
    }

    @Incoming(CONSUMER)
    Uni<Void> on(String record) {
        return inbox.apply(CONSUMER, record, this::handle);
    }

    Uni<Void> handle(CloudEvent event) {
        if (event.type().equals(AcceptanceConcludedV1.TYPE.type())) {
            return projects.apply(inbox.data(event, AcceptanceConcludedV1.class), event.source());
        }
        return Uni.createFrom().voidItem();
    }
}
