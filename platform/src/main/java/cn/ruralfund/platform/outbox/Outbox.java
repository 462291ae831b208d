package cn.ruralfund.platform.outbox;

import cn.ruralfund.platform.events.CloudEvent;
import cn.ruralfund.platform.events.EventType;
import cn.ruralfund.platform.time.PlatformClock;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.UUID;

/**
 * The only way a service publishes an event: {@link #publish} adds it to the outbox table inside the
 * caller's current transaction (call it from a {@code @WithTransaction} method or a consumer's
 * transaction), so that the change and its event commit together or not at all. {@link OutboxRelay}
 * sends it to Kafka afterwards.
 */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper mapper;
    private final PlatformClock clock;
    private final String source;

    Outbox(ObjectMapper mapper, PlatformClock clock, @ConfigProperty(name = "quarkus.application.name") String application) {
        // Money keeps its two decimals in events: 800000.00, never 8E+5.
        this.mapper = mapper.copy()
                .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        this.clock = clock;
        this.source = "/ruralfund/" + application;
    }

    public <T> Uni<CloudEvent> publish(EventType<T> type, Object subject, T data) {
        CloudEvent event = new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), source, type.type(),
                subject.toString(), clock.now(), "application/json", type.schema(), mapper.valueToTree(data));
        OutboxEvent row = new OutboxEvent();
        row.eventId = UUID.fromString(event.id());
        row.topic = type.topic();
        row.key = event.subject();
        row.type = event.type();
        row.createdAt = event.time();
        try {
            row.payload = mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException("event data not serialisable: " + type.type(), e));
        }
        return row.persist().replaceWith(event);
    }
}
