package cn.ruralfund.acceptance.messaging;

import cn.ruralfund.acceptance.service.ProjectDirectory;
import cn.ruralfund.acceptance.service.ReviewService;
import cn.ruralfund.platform.contracts.EnterpriseDisqualifiedV1;
import cn.ruralfund.platform.contracts.ProgramCreatedV1;
import cn.ruralfund.platform.contracts.ProgramRulesSetV1;
import cn.ruralfund.platform.contracts.ProjectRegisteredV1;
import cn.ruralfund.platform.contracts.PublicityClosedV1;
import cn.ruralfund.platform.events.CloudEvent;
import cn.ruralfund.platform.inbox.Inbox;
import cn.ruralfund.platform.inbox.PoisonMessageException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * What acceptance-service hears; each event is applied once (Inbox), in one transaction with the changes
 * and events it causes. Types it does not read are skipped.
 */
@ApplicationScoped
public class EventConsumers {

    private final Inbox inbox;
    private final ProjectDirectory projects;
    private final ReviewService reviews;

    EventConsumers(Inbox inbox, ProjectDirectory projects, ReviewService reviews) {
        this.inbox = inbox;
        this.projects = projects;
        this.reviews = reviews;
    }

    /** project-service: projects registered (who may apply, for what task), enterprises disqualified. */
    @Incoming("project-events")
    Uni<Void> onProjectEvent(String record) {
        return inbox.apply("project-events", record, this::project);
    }

    /** budget-service: programs created (the end of the period is the default acceptance deadline) and their rules (R4 team minimum). */
    @Incoming("budget-events")
    Uni<Void> onBudgetEvent(String record) {
        return inbox.apply("budget-events", record, this::budget);
    }

    /** publicity-service: an objection upheld during the publicity of a passed project reopens its conclusion. */
    @Incoming("publicity-events")
    Uni<Void> onPublicityEvent(String record) {
        return inbox.apply("publicity-events", record, event -> is(event, PublicityClosedV1.TYPE.type())
                ? reviews.publicityClosed(publicityClosed(event), actor(event)) : skip());
    }

    /** Fails closed: a missing objectionUpheld must not read as "no objection" (a primitive would default to false). */
    private PublicityClosedV1 publicityClosed(CloudEvent event) {
        if (!event.data().path("objectionUpheld").isBoolean()) {
            throw new PoisonMessageException("publicity-closed " + event.id() + " lacks objectionUpheld", null);
        }
        return inbox.data(event, PublicityClosedV1.class);
    }

    private Uni<Void> budget(CloudEvent event) {
        if (is(event, ProgramCreatedV1.TYPE.type())) {
            return projects.program(inbox.data(event, ProgramCreatedV1.class));
        }
        if (is(event, ProgramRulesSetV1.TYPE.type())) {
            return projects.rules(inbox.data(event, ProgramRulesSetV1.class), actor(event));
        }
        return skip();
    }

    private Uni<Void> project(CloudEvent event) {
        if (is(event, ProjectRegisteredV1.TYPE.type())) {
            return projects.register(inbox.data(event, ProjectRegisteredV1.class), actor(event));
        }
        if (is(event, EnterpriseDisqualifiedV1.TYPE.type())) {
            return projects.disqualify(inbox.data(event, EnterpriseDisqualifiedV1.class), actor(event));
        }
        return skip();
    }

    private static boolean is(CloudEvent event, String type) {
        return type.equals(event.type());
    }

    private static String actor(CloudEvent event) {
        return "event:" + event.source();
    }

    private static Uni<Void> skip() {
        return Uni.createFrom().voidItem();
    }
}
