package cn.ruralfund.project.messaging;

import cn.ruralfund.platform.contracts.ReportOverdueV1;
import cn.ruralfund.platform.events.CloudEvent;
import cn.ruralfund.platform.inbox.Inbox;
import cn.ruralfund.project.service.SupervisionService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** reporting-service's events: overdue sales reports (R16) become data-reporting notices. */
@ApplicationScoped
public class ReportingEvents {

    static final String CONSUMER = "reporting-events";

    private final Inbox inbox;
    private final SupervisionService supervision;

    ReportingEvents(Inbox inbox, SupervisionService supervision) {
        this.inbox = inbox;
        this.supervision = supervision;
    }

    @Incoming(CONSUMER)
    Uni<Void> on(String record) {
        return inbox.apply(CONSUMER, record, this::handle);
    }

    Uni<Void> handle(CloudEvent event) {
        if (event.type().equals(ReportOverdueV1.TYPE.type())) {
            return supervision.apply(inbox.data(event, ReportOverdueV1.class), event.id(), event.source());
        }
        return Uni.createFrom().voidItem();
    }
}
