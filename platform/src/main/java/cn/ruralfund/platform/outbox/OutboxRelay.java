package cn.ruralfund.platform.outbox;

import cn.ruralfund.platform.events.CloudEvent;
import cn.ruralfund.platform.reactive.UnitOfWork;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes committed outbox rows to Kafka in outbox order and marks them sent, at least once.
 * <ul>
 * <li><b>One relay per database.</b> The relay that holds a session-level advisory lock on its own connection relays;
 * the other replicas' relays stand by until that connection ends. One sender keeps each key's order.</li>
 * <li><b>No transaction waits on the broker.</b> Rows are read, sent, then marked sent in separate statements.
 * If the service dies between the send and the mark, the row is sent again after restart: consumers are
 * idempotent ({@code cn.ruralfund.platform.inbox.Inbox}).</li>
 * <li><b>A poison row does not block the rest.</b> A row the broker refuses for good (too large, invalid topic) is
 * parked: kept with its reason, counted ({@code ruralfund_outbox_parked}) and skipped; the rest flow on.</li>
 * <li><b>Broker errors back off</b>, doubling from the poll interval up to {@code platform.outbox.relay.max-backoff-ms}.</li>
 * </ul>
 * It polls every {@code platform.outbox.relay.interval-ms} (a Vert.x timer) and drains full batches at once.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long RELAY_LOCK = 0x5275_7261_6c46L; // "RuralF"

    private final Pool pool;
    private final MutinyEmitter<String> emitter;
    private final boolean enabled;
    private final long intervalMs;
    private final long maxBackoffMs;
    private final int batchSize;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();
    private final Counter published;
    private final Counter failures;
    private final Counter parkings;
    private volatile boolean stopped;
    private volatile long backoffMs;
    private volatile long nextAttemptAt;
    private SqlConnection leader;
    private long timer = -1;

    OutboxRelay(Pool pool, @Channel("outbox") MutinyEmitter<String> emitter,
                @ConfigProperty(name = "platform.outbox.relay.enabled", defaultValue = "true") boolean enabled,
                @ConfigProperty(name = "platform.outbox.relay.interval-ms", defaultValue = "100") long intervalMs,
                @ConfigProperty(name = "platform.outbox.relay.max-backoff-ms", defaultValue = "30000") long maxBackoffMs,
                @ConfigProperty(name = "platform.outbox.relay.batch-size", defaultValue = "200") int batchSize,
                @ConfigProperty(name = "quarkus.application.name") String service,
                MeterRegistry registry) {
        this.published = Counter.builder("ruralfund.outbox.published").description("events relayed from the outbox to Kafka")
                .tag("service", service).register(registry);
        this.failures = Counter.builder("ruralfund.outbox.relay.failures").description("relay attempts that failed and will be retried")
                .tag("service", service).register(registry);
        this.parkings = Counter.builder("ruralfund.outbox.parkings").description("events the broker refused for good, parked")
                .tag("service", service).register(registry);
        Gauge.builder("ruralfund.outbox.backlog", backlog, AtomicLong::get).description("events in the outbox not yet sent")
                .tag("service", service).register(registry);
        Gauge.builder("ruralfund.outbox.parked", parked, AtomicLong::get).description("events parked: refused by the broker for good")
                .tag("service", service).register(registry);
        this.pool = pool;
        this.emitter = emitter;
        this.enabled = enabled;
        this.intervalMs = intervalMs;
        this.maxBackoffMs = maxBackoffMs;
        this.batchSize = batchSize;
    }

    void start(@Observes StartupEvent started, Vertx vertx) {
        if (!enabled) {
            LOG.warn("outbox relay disabled (platform.outbox.relay.enabled=false): events stay in the outbox");
            return;
        }
        timer = vertx.setPeriodic(intervalMs, tick -> {
            if (!stopped && System.currentTimeMillis() >= nextAttemptAt && running.compareAndSet(false, true)) {
                UnitOfWork.onSafeContext(vertx, this::drain).subscribe().with(done -> running.set(false), failure -> running.set(false));
            }
        });
    }

    void stop(@Observes ShutdownEvent stopping, Vertx vertx) {
        stopped = true;
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        SqlConnection held = leader;
        leader = null;
        if (held != null) {
            held.closeAndForget();
        }
    }

    /** Relays batches until the outbox has no unsent, unparked row; returns the number of events sent. */
    Uni<Integer> drain() {
        return leadership()
                .chain(connection -> connection == null ? Uni.createFrom().item(0) : drain(connection))
                .invoke(sent -> backoffMs = 0)
                .onFailure().invoke(e -> {
                    failures.increment();
                    backoffMs = Math.min(maxBackoffMs, Math.max(intervalMs, backoffMs * 2));
                    nextAttemptAt = System.currentTimeMillis() + backoffMs;
                    LOG.warnf("outbox relay failed, will retry in %d ms: %s", backoffMs, e.toString());
                    SqlConnection held = leader;
                    leader = null;
                    if (held != null) {
                        held.closeAndForget(); // a broken connection gives the lock up; the next tick takes a new one
                    }
                })
                .onFailure().recoverWithItem(0);
    }

    /** This replica's connection holding the relay lock, or null when another replica relays. */
    private Uni<SqlConnection> leadership() {
        if (leader != null) {
            return Uni.createFrom().item(leader);
        }
        return pool.getConnection().chain(connection -> connection.query("select pg_try_advisory_lock(" + RELAY_LOCK + ")").execute()
                .map(rows -> rows.iterator().next().getBoolean(0))
                .onFailure().call(connection::close)
                .chain(locked -> {
                    if (locked) {
                        leader = connection;
                        return Uni.createFrom().item(connection);
                    }
                    return connection.close().replaceWith((SqlConnection) null);
                }));
    }

    private Uni<Integer> drain(SqlConnection connection) {
        return connection.preparedQuery("""
                        select seq, topic, event_key, payload from outbox_event
                        where sent_at is null and parked_at is null order by seq limit $1""")
                .execute(Tuple.of(batchSize))
                .chain(rows -> {
                    List<Row> batch = new ArrayList<>();
                    rows.forEach(batch::add);
                    return send(connection, batch).chain(sent -> batch.size() < batchSize
                            ? count(connection).replaceWith(sent)
                            : drain(connection).map(more -> sent + more));
                });
    }

    private record Outcome(long seq, Throwable failure) {
    }

    private Uni<Integer> send(SqlConnection connection, List<Row> batch) {
        if (batch.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        // Subscribed in list order, so each key's events reach the producer in outbox order.
        List<Uni<Outcome>> sends = batch.stream().map(row -> send(row)
                .replaceWith(new Outcome(row.getLong("seq"), null))
                .onFailure().recoverWithItem(e -> new Outcome(row.getLong("seq"), e))).toList();
        return Uni.join().all(sends).andFailFast().chain(outcomes -> {
            OffsetDateTime now = OffsetDateTime.now();
            List<Long> sent = outcomes.stream().filter(o -> o.failure() == null).map(Outcome::seq).toList();
            List<Outcome> refused = outcomes.stream().filter(o -> o.failure() != null && permanent(o.failure())).toList();
            Throwable passing = outcomes.stream().map(Outcome::failure).filter(f -> f != null && !permanent(f)).findFirst().orElse(null);
            Uni<Void> marks = sent.isEmpty() ? Uni.createFrom().voidItem() : connection
                    .preparedQuery("update outbox_event set sent_at = $1 where seq = any($2)")
                    .execute(Tuple.of(now, sent.toArray(Long[]::new))).replaceWithVoid();
            for (Outcome o : refused) {
                LOG.errorf("outbox event %d refused by the broker for good, parked: %s", o.seq(), o.failure().toString());
                marks = marks.chain(() -> connection.preparedQuery("update outbox_event set parked_at = $1, park_reason = $2 where seq = $3")
                        .execute(Tuple.of(now, o.failure().toString(), o.seq())).invoke(() -> parkings.increment()).replaceWithVoid());
            }
            return marks.invoke(() -> published.increment(sent.size()))
                    .chain(() -> passing == null ? Uni.createFrom().item(sent.size()) : Uni.createFrom().failure(passing));
        });
    }

    private Uni<Void> send(Row row) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("content-type", CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        return emitter.sendMessage(Message.of(row.getString("payload")).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.getString("topic")).withKey(row.getString("event_key")).withHeaders(headers).build()));
    }

    /** A refusal that no retry can cure: the record itself is wrong for the broker. */
    private static boolean permanent(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RecordTooLargeException || t instanceof RecordBatchTooLargeException || t instanceof InvalidTopicException) {
                return true;
            }
        }
        return false;
    }

    private Uni<Void> count(SqlConnection connection) {
        return connection.query("""
                        select count(*) filter (where parked_at is null), count(*) filter (where parked_at is not null)
                        from outbox_event where sent_at is null""").execute()
                .invoke(rows -> {
                    Row row = rows.iterator().next();
                    backlog.set(row.getLong(0));
                    parked.set(row.getLong(1));
                }).replaceWithVoid();
    }
}
