package cn.ruralfund.platform.inbox;

import cn.ruralfund.platform.events.CloudEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.function.Function;

/**
 * The only way a service consumes an event: parse the CloudEvent, then, in one transaction, record
 * its id for this consumer and apply it, unless that id was applied before (a redelivery changes
 * nothing). A record that is not a complete CloudEvent, or whose handler fails, fails the returned
 * Uni: the message is nacked and SmallRye moves it to the service's dead-letter topic
 * ({@code ruralfund.<service>.dead-letter}, reason in the {@code dead-letter-reason} header), and consumption goes on.
 *
 * <pre>{@code
 * @Incoming("budget-events")
 * Uni<Void> onBudgetEvent(String record) { return inbox.apply("budget-events", record, this::handle); }
 * }</pre>
 */
@ApplicationScoped
public class Inbox {

    private final ObjectMapper mapper;

    Inbox(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public Uni<Void> apply(String consumer, String record, Function<CloudEvent, Uni<Void>> handler) {
        CloudEvent event;
        try {
            event = mapper.readValue(record, CloudEvent.class);
        } catch (Exception e) {
            return Uni.createFrom().failure(new PoisonMessageException("not a CloudEvent: " + e.getMessage(), e));
        }
        if (event == null || !event.isComplete()) {
            return Uni.createFrom().failure(new PoisonMessageException("incomplete CloudEvent: id, source, type, subject, time and data are required", null));
        }
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery("""
                                insert into processed_event (consumer, event_id, event_type, processed_at)
                                values (:consumer, :id, :type, now()) on conflict do nothing""")
                        .setParameter("consumer", consumer)
                        .setParameter("id", event.id())
                        .setParameter("type", event.type())
                        .executeUpdate())
                .chain(inserted -> inserted == 1 ? handler.apply(event) : Uni.createFrom().voidItem()));
    }

    /** The data of an event as its contract record; a mismatch is a poison message. */
    public <T> T data(CloudEvent event, Class<T> type) {
        try {
            return mapper.treeToValue(event.data(), type);
        } catch (Exception e) {
            throw new PoisonMessageException("data of " + event.type() + " does not match its schema: " + e.getMessage(), e);
        }
    }
}
