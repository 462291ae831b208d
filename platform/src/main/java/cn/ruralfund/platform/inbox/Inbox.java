package cn.ruralfund.platform.inbox;

import cn.ruralfund.platform.events.CloudEvent;
import cn.ruralfund.platform.events.EventContracts;
import cn.ruralfund.platform.inbox.DeadLetters.Kind;
import cn.ruralfund.platform.reactive.UnitOfWork;
import cn.ruralfund.platform.tracing.EventTrace;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The only way a service consumes an event.
 * <ol>
 * <li>The record must be a complete CloudEvent whose data satisfies the JSON Schema of its type (the catalog is the
 * contract): otherwise it is poison and goes to the dead-letter topic at once, nothing applied.</li>
 * <li>In one transaction: record its id for this consumer and apply it, unless that id was applied before (a
 * redelivery or a replay changes nothing).</li>
 * <li>A failing handler is a passing fault until proven otherwise (a deadlock, a serialization failure, a lost
 * connection): the whole transaction is retried with exponential backoff in a fresh session
 * ({@code platform.inbox.retry.*}: 8 attempts over about a minute by default). A {@link PoisonMessageException}
 * (a contract rule the handler checks) is not retried.</li>
 * <li>What still fails goes to {@link DeadLetters} with the reason and the attempt count; consumption goes on.</li>
 * </ol>
 * Retrying in place holds the partition for at most that minute, which keeps each aggregate's events in order.
 * <p>
 * Each attempt runs in a span ({@code process <type>}, kind CONSUMER) whose parent is the event's {@code traceparent}
 * ({@link EventTrace}): what the handler publishes carries the same trace id, so a request's consequences in other
 * services are one trace. An event without one starts a trace of its own.
 *
 * <pre>{@code
 * @Incoming("budget-events")
 * Uni<Void> onBudgetEvent(String record) { return inbox.apply("budget-events", record, this::handle); }
 * }</pre>
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    private final ObjectMapper mapper;
    private final DeadLetters deadLetters;
    private final Vertx vertx;
    private final int attempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Counter retries;
    private final Tracer tracer;

    Inbox(ObjectMapper mapper, DeadLetters deadLetters, Vertx vertx, MeterRegistry registry, OpenTelemetry telemetry,
          @ConfigProperty(name = "quarkus.application.name") String service,
          @ConfigProperty(name = "platform.inbox.retry.attempts", defaultValue = "8") int attempts,
          @ConfigProperty(name = "platform.inbox.retry.initial-backoff", defaultValue = "500ms") Duration initialBackoff,
          @ConfigProperty(name = "platform.inbox.retry.max-backoff", defaultValue = "20s") Duration maxBackoff) {
        // Amounts are read as BigDecimal, never through double; a null for a primitive is an error, never false or 0.
        this.mapper = mapper.copy()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
        this.deadLetters = deadLetters;
        this.vertx = vertx;
        this.attempts = Math.max(1, attempts);
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.retries = Counter.builder("ruralfund.inbox.retries").description("handler attempts that failed and were retried")
                .tag("service", service).register(registry);
        this.tracer = telemetry.getTracer("cn.ruralfund.platform.inbox");
    }

    public Uni<Void> apply(String consumer, String record, Function<CloudEvent, Uni<Void>> handler) {
        CloudEvent event;
        try {
            event = mapper.readValue(record, CloudEvent.class);
        } catch (Exception e) {
            return deadLetters.send(consumer, null, record, Kind.NOT_A_CLOUDEVENT, new PoisonMessageException("not a CloudEvent: " + e.getMessage(), e), 1);
        }
        if (event == null || !event.isComplete()) {
            return deadLetters.send(consumer, null, record, Kind.NOT_A_CLOUDEVENT, new PoisonMessageException(
                    "incomplete CloudEvent: specversion 1.0, id, source, type, subject, time and data are required", null), 1);
        }
        List<String> violations = EventContracts.violations(event.type(), event.data());
        if (!violations.isEmpty()) {
            return deadLetters.send(consumer, event.subject(), record, Kind.CONTRACT, new PoisonMessageException(
                    "data of " + event.type() + " " + event.id() + " breaks its schema: " + String.join("; ", violations), null), 1);
        }
        AtomicInteger tries = new AtomicInteger();
        return Uni.createFrom().deferred(() -> {
                    tries.incrementAndGet();
                    // a fresh duplicated context per attempt: a fresh session and transaction, whatever the last one left
                    return UnitOfWork.onSafeContext(vertx, () -> traced(consumer, event, tries.get(), () -> applyOnce(consumer, event, handler)));
                })
                .onFailure(e -> !(e instanceof PoisonMessageException)).invoke(e -> {
                    if (tries.get() < attempts) {
                        retries.increment();
                        LOG.warnf("%s: applying %s %s failed (attempt %d of %d), will retry: %s", consumer, event.type(), event.id(),
                                tries.get(), attempts, e.toString());
                    }
                })
                .onFailure(e -> !(e instanceof PoisonMessageException)).retry()
                .withBackOff(initialBackoff, maxBackoff).atMost(attempts - 1L)
                .onFailure().recoverWithUni(e -> deadLetters.send(consumer, event.subject(), record,
                        e instanceof PoisonMessageException ? Kind.CONTRACT : Kind.HANDLER_FAILED, e, tries.get()));
    }

    /** Runs {@code work} on the current (fresh) context inside a span that continues the event's trace. */
    private Uni<Void> traced(String consumer, CloudEvent event, int attempt, Supplier<Uni<Void>> work) {
        Context parent = EventTrace.of(event);
        Span span = tracer.spanBuilder("process " + event.type()).setParent(parent).setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.consumer.group.name", consumer)
                .setAttribute("cloudevents.event_id", event.id())
                .setAttribute("cloudevents.event_type", event.type())
                .setAttribute("cloudevents.event_source", event.source())
                .setAttribute("cloudevents.event_subject", event.subject())
                .setAttribute("ruralfund.inbox.attempt", attempt)
                .startSpan();
        Scope scope = parent.with(span).makeCurrent();
        return Uni.createFrom().<Void>deferred(work::get).onTermination().invoke((done, failure, cancelled) -> {
            if (failure != null) {
                span.recordException(failure);
                span.setStatus(StatusCode.ERROR, failure.toString());
            }
            scope.close();
            span.end();
        });
    }

    private Uni<Void> applyOnce(String consumer, CloudEvent event, Function<CloudEvent, Uni<Void>> handler) {
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
