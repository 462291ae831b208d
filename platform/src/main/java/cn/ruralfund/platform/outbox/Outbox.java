package cn.ruralfund.platform.outbox;

import cn.ruralfund.platform.events.CloudEvent;
import cn.ruralfund.platform.events.EventType;
import cn.ruralfund.platform.time.PlatformClock;
import cn.ruralfund.platform.tracing.EventTrace;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;
import java.util.UUID;

/**
 * The only way a service publishes an event: {@link #publish} adds it to the outbox table inside the
 * caller's current transaction (call it from a {@code @WithTransaction} method or a consumer's
 * transaction), so that the change and its event commit together or not at all. {@link OutboxRelay}
 * sends it to Kafka afterwards, in outbox order.
 * <p>
 * Before the row is written, the transaction takes an advisory lock on the event's topic and key (the aggregate),
 * held until it commits: a second transaction on the same aggregate waits for the first to commit before it gets
 * its outbox sequence number, so one aggregate's events leave in the order their transactions committed.
 * The {@code dataschema} is absolute: {@code platform.events.base-url} (where the catalog is served publicly)
 * followed by the schema's path. The trace context current when {@link #publish} is called (the request's span, or the
 * span of the event being applied) goes on the event as its {@code traceparent} and {@code tracestate} attributes
 * ({@link EventTrace}), so that the consumers' work joins the same trace.
 */
@ApplicationScoped
public class Outbox {

    private final ObjectMapper mapper;
    private final PlatformClock clock;
    private final String source;
    private final String baseUrl;

    Outbox(ObjectMapper mapper, PlatformClock clock, @ConfigProperty(name = "quarkus.application.name") String application,
           @ConfigProperty(name = "platform.events.base-url") String baseUrl) {
        // Money keeps its two decimals in events: 800000.00, never 8E+5.
        this.mapper = mapper.copy()
                .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        this.clock = clock;
        this.source = "/ruralfund/" + application;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public <T> Uni<CloudEvent> publish(EventType<T> type, Object subject, T data) {
        Map<String, String> trace = EventTrace.current();
        CloudEvent event = new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), source, type.type(),
                subject.toString(), clock.now(), "application/json", baseUrl + type.schema(), mapper.valueToTree(data),
                trace.get(EventTrace.TRACEPARENT), trace.get(EventTrace.TRACESTATE));
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
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("select count(*) from (select pg_advisory_xact_lock(hashtextextended(:aggregate, 0))) l")
                        .setParameter("aggregate", row.topic + "/" + row.key)
                        .getSingleResult())
                .chain(() -> row.persist())
                .replaceWith(event);
    }
}
