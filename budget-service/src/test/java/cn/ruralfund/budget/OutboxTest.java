package cn.ruralfund.budget;

import cn.ruralfund.platform.contracts.AuditCompletedV1;
import cn.ruralfund.platform.outbox.Outbox;
import cn.ruralfund.platform.reactive.UnitOfWork;
import cn.ruralfund.platform.testing.Events;
import cn.ruralfund.platform.testing.Postgres;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

/** The transactional outbox against the real broker: commit order per aggregate, and a row the broker refuses parked. */
@QuarkusTest
class OutboxTest {

    @Inject
    Outbox outbox;

    @Inject
    Vertx vertx;

    /**
     * Transaction A publishes first and commits a second later; B publishes on the same aggregate meanwhile. B waits
     * for A's commit, so the events leave in commit order (A, then B) whatever the relay's timing.
     */
    @Test
    void Outbox_interleavedTransactionsOnOneAggregateArePublishedInCommitOrder() throws Exception {
        UUID project = UUID.randomUUID();
        CompletableFuture<Long> a = publish(project, "A", 1.0).subscribeAsCompletionStage().thenApply(v -> System.nanoTime());
        Thread.sleep(200);
        CompletableFuture<Long> b = publish(project, "B", 0).subscribeAsCompletionStage().thenApply(v -> System.nanoTime());
        long aCommitted = a.get(30, TimeUnit.SECONDS);
        long bCommitted = b.get(30, TimeUnit.SECONDS);
        assertThat(bCommitted).as("B waited for A's commit").isGreaterThan(aCommitted);
        List<ConsumerRecord<String, String>> records = Events.awaitAll(AuditCompletedV1.TYPE.topic(), r -> project.toString().equals(r.key()), 2,
                Duration.ofSeconds(30));
        assertThat(records.stream().map(r -> r.value().contains("\"reportNumber\":\"A\"") ? "A" : "B").toList()).containsExactly("A", "B");
    }

    /** An event larger than the broker accepts is parked (kept, counted); the aggregate's next events still flow. */
    @Test
    void Outbox_anEventTheBrokerRefusesIsParkedAndTheRestFlowOn() throws Exception {
        UUID project = UUID.randomUUID();
        String huge = "X".repeat(2 * 1024 * 1024);
        publish(project, huge, 0).await().atMost(Duration.ofSeconds(30));
        publish(project, "after", 0).await().atMost(Duration.ofSeconds(30));
        ConsumerRecord<String, String> after = Events.awaitRecord(AuditCompletedV1.TYPE.topic(), r -> project.toString().equals(r.key()),
                Duration.ofSeconds(30));
        assertThat(after.value()).contains("\"reportNumber\":\"after\"");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            try (Connection c = Postgres.connect("budget");
                 ResultSet rs = c.createStatement().executeQuery("select parked_at is not null, park_reason, sent_at from outbox_event where event_key = '"
                         + project + "' and length(payload) > 1000000")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBoolean(1)).as("parked").isTrue();
                assertThat(rs.getString(2)).contains("RecordTooLarge");
                assertThat(rs.getObject(3)).as("never marked sent").isNull();
            }
        });
        given().baseUri(io.quarkus.test.common.http.TestHTTPResourceManager.getManagementUri()).get("/metrics").then().body(containsString("ruralfund_outbox_parked{service=\"budget-service\"}"));
    }

    /** One transaction on a fresh context: publish an audit event for the project, hold the transaction, commit. */
    private Uni<Void> publish(UUID project, String reportNumber, double holdSeconds) {
        return UnitOfWork.onSafeContext(vertx, () -> Panache.withTransaction(() -> outbox.publish(AuditCompletedV1.TYPE, project,
                        new AuditCompletedV1(project, "某事务所", reportNumber, new BigDecimal("1.00"), OffsetDateTime.now()))
                .chain(() -> Panache.getSession().chain(s -> s.createNativeQuery("select cast(pg_sleep(" + holdSeconds + ") as text)").getSingleResult()))
                .replaceWithVoid()));
    }
}
