package cn.ruralfund.project.messaging;

import cn.ruralfund.platform.contracts.PublicityClosedV1;
import cn.ruralfund.platform.events.CloudEvent;
import cn.ruralfund.platform.inbox.Inbox;
import cn.ruralfund.project.service.ProjectService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** publicity-service's events: the publicity (公示, R5) of a project closed. */
@ApplicationScoped
public class PublicityEvents {

    static final String CONSUMER = "publicity-events";

    private final Inbox inbox;
    private final ProjectService projects;

    PublicityEvents(Inbox inbox, ProjectService projects) {
        this.inbox = inbox;
        this.projects = projects;
    }

    @Incoming(CONSUMER)
    Uni<Void> on(String record) {
        return inbox.apply(CONSUMER, record, this::handle);
    }

    Uni<Void> handle(CloudEvent event) {
        if (event.type().equals(PublicityClosedV1.TYPE.type())) {
            return projects.apply(inbox.data(event, PublicityClosedV1.class), event.source());
        }
        return Uni.createFrom().voidItem();
    }
}
