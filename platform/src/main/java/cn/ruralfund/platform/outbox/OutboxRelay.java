package cn.ruralfund.platform.outbox;

import cn.ruralfund.platform.events.CloudEvent;
import cn.ruralfund.platform.time.PlatformClock;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Publishes committed outbox rows to Kafka in commit order and marks them sent, at least once.
 * A PostgreSQL advisory lock lets only one replica relay at a time, which keeps each key's order.
 * If the service dies between the send and the mark, the row is sent again after restart:
 * consumers are idempotent ({@code cn.ruralfund.platform.inbox.Inbox}).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long RELAY_LOCK = 0x5275_7261_6c46L; // "RuralF"

    private final Mutiny.SessionFactory sessions;
    private final MutinyEmitter<String> emitter;
    private final PlatformClock clock;
    private final boolean enabled;
    private final int batchSize;

    OutboxRelay(Mutiny.SessionFactory sessions, @Channel("outbox") MutinyEmitter<String> emitter, PlatformClock clock,
                @ConfigProperty(name = "platform.outbox.relay.enabled", defaultValue = "true") boolean enabled,
                @ConfigProperty(name = "platform.outbox.relay.batch-size", defaultValue = "200") int batchSize) {
        this.sessions = sessions;
        this.emitter = emitter;
        this.clock = clock;
        this.enabled = enabled;
        this.batchSize = batchSize;
    }

    @Scheduled(every = "${platform.outbox.relay.every:0.2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> relay() {
        if (!enabled) {
            return Uni.createFrom().voidItem();
        }
        return sessions.withTransaction(session -> session
                        .createNativeQuery("select pg_try_advisory_xact_lock(" + RELAY_LOCK + ")", Boolean.class)
                        .getSingleResult()
                        .chain(locked -> locked ? relayBatch(session) : Uni.createFrom().voidItem()))
                .onFailure().invoke(e -> LOG.warnf("outbox relay failed, will retry: %s", e.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private Uni<Void> relayBatch(Mutiny.Session session) {
        return session.createSelectionQuery("from OutboxEvent where sentAt is null order by seq", OutboxEvent.class)
                .setMaxResults(batchSize)
                .getResultList()
                .chain(rows -> rows.isEmpty() ? Uni.createFrom().voidItem() : send(rows));
    }

    private Uni<Void> send(List<OutboxEvent> rows) {
        List<Uni<Void>> sends = rows.stream().map(this::send).toList();
        return Uni.join().all(sends).andFailFast().invoke(() -> {
            var now = clock.now();
            rows.forEach(row -> row.sentAt = now);
        }).replaceWithVoid();
    }

    private Uni<Void> send(OutboxEvent row) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        return emitter.sendMessage(Message.of(row.payload).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.topic).withKey(row.key).withHeaders(headers).build()));
    }
}
