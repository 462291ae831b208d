package cn.ruralfund.project.messaging;

import cn.ruralfund.platform.contracts.DuplicateClaimConfirmedV1;
import cn.ruralfund.platform.inbox.Inbox;
import cn.ruralfund.project.service.DuplicateClaimViolations;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * acceptance-service: a duplicate claim the office confirmed (R15) becomes a violation here. Its own channel (and
 * consumer group) on the acceptance topic, so a stuck violation never holds up the acceptance conclusions
 * {@link EventConsumers} reads; each event applied once (Inbox), other types skipped.
 */
@ApplicationScoped
public class DuplicateClaimConsumer {

    private final Inbox inbox;
    private final DuplicateClaimViolations violations;

    DuplicateClaimConsumer(Inbox inbox, DuplicateClaimViolations violations) {
        this.inbox = inbox;
        this.violations = violations;
    }

    @Incoming("duplicate-claims")
    Uni<Void> onAcceptanceEvent(String record) {
        return inbox.apply("duplicate-claims", record, event -> DuplicateClaimConfirmedV1.TYPE.type().equals(event.type())
                ? violations.apply(inbox.data(event, DuplicateClaimConfirmedV1.class), event.source())
                : Uni.createFrom().voidItem());
    }
}
