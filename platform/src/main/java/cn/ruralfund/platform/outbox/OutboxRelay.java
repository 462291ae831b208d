package cn.ruralfund.platform.outbox;

import cn.ruralfund.platform.events.CloudEvent;
import cn.ruralfund.platform.reactive.UnitOfWork;
import cn.ruralfund.platform.time.PlatformClock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publishes committed outbox rows to Kafka in commit order and marks them sent, at least once.
 * It polls every {@code platform.outbox.relay.interval-ms} (a Vert.x timer: the scheduler's
 * resolution is one second) and drains full batches at once. A PostgreSQL advisory lock lets only
 * one replica relay at a time, which keeps each key's order. If the service dies between the send
 * and the mark, the row is sent again after restart: consumers are idempotent
 * ({@code cn.ruralfund.platform.inbox.Inbox}).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long RELAY_LOCK = 0x5275_7261_6c46L; // "RuralF"

    private final Mutiny.SessionFactory sessions;
    private final MutinyEmitter<String> emitter;
    private final PlatformClock clock;
    private final boolean enabled;
    private final long intervalMs;
    private final int batchSize;
    private final AtomicBoolean running = new AtomicBoolean();
    private final Counter published;
    private final Counter failures;
    private volatile boolean stopped;
    private long timer = -1;

    OutboxRelay(Mutiny.SessionFactory sessions, @Channel("outbox") MutinyEmitter<String> emitter, PlatformClock clock,
                @ConfigProperty(name = "platform.outbox.relay.enabled", defaultValue = "true") boolean enabled,
                @ConfigProperty(name = "platform.outbox.relay.interval-ms", defaultValue = "100") long intervalMs,
                @ConfigProperty(name = "platform.outbox.relay.batch-size", defaultValue = "200") int batchSize,
                MeterRegistry registry) {
        this.published = Counter.builder("ruralfund.outbox.published").description("events relayed from the outbox to Kafka")
                .register(registry);
        this.failures = Counter.builder("ruralfund.outbox.relay.failures").description("relay attempts that failed and will be retried")
                .register(registry);
        this.sessions = sessions;
        this.emitter = emitter;
        this.clock = clock;
        this.enabled = enabled;
        this.intervalMs = intervalMs;
        this.batchSize = batchSize;
    }

    void start(@Observes StartupEvent started, Vertx vertx) {
        if (!enabled) {
            LOG.warn("outbox relay disabled (platform.outbox.relay.enabled=false): events stay in the outbox");
            return;
        }
        timer = vertx.setPeriodic(intervalMs, tick -> {
            if (!stopped && running.compareAndSet(false, true)) {
                UnitOfWork.onSafeContext(vertx, this::drain).subscribe().with(done -> running.set(false), failure -> running.set(false));
            }
        });
    }

    void stop(@Observes ShutdownEvent stopping, Vertx vertx) {
        stopped = true;
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** Relays batches until the outbox is empty; returns the number of events sent. */
    Uni<Integer> drain() {
        return Uni.createFrom().deferred(this::relayBatch).chain(sent -> sent < batchSize ? Uni.createFrom().item(sent) : drain().map(more -> sent + more))
                .onFailure().invoke(e -> {
                    failures.increment();
                    LOG.warnf("outbox relay failed, will retry: %s", e.toString());
                })
                .onFailure().recoverWithItem(0);
    }

    private Uni<Integer> relayBatch() {
        return sessions.withTransaction(session -> session
                .createNativeQuery("select pg_try_advisory_xact_lock(" + RELAY_LOCK + ")", Boolean.class)
                .getSingleResult()
                .chain(locked -> !locked ? Uni.createFrom().item(0) : session
                        .createSelectionQuery("from OutboxEvent where sentAt is null order by seq", OutboxEvent.class)
                        .setMaxResults(batchSize)
                        .getResultList()
                        .chain(this::send)));
    }

    private Uni<Integer> send(List<OutboxEvent> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        // Subscribed in list order, so each key's events reach the producer in commit order.
        return Uni.join().all(rows.stream().map(this::send).toList()).andFailFast().map(acks -> {
            var now = clock.now();
            rows.forEach(row -> row.sentAt = now);
            published.increment(rows.size());
            return rows.size();
        });
    }

    private Uni<Void> send(OutboxEvent row) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        return emitter.sendMessage(Message.of(row.payload).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.topic).withKey(row.key).withHeaders(headers).build()));
    }
}
