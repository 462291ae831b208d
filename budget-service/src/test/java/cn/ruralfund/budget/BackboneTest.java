package cn.ruralfund.budget;

import cn.ruralfund.platform.contracts.AcceptanceConcludedV1;
import cn.ruralfund.platform.contracts.AuditCompletedV1;
import cn.ruralfund.platform.contracts.PublicityClosedV1;
import cn.ruralfund.platform.events.EventType;
import cn.ruralfund.platform.inbox.DeadLetters;
import cn.ruralfund.platform.testing.Events;
import cn.ruralfund.platform.testing.KafkaBroker;
import cn.ruralfund.platform.testing.Postgres;
import cn.ruralfund.platform.testing.Tokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The event backbone as budget-service lives on it: passing faults are retried, dead letters can be replayed, and
 * concurrent channels that change one row lose nothing (contracts failing closed: {@link BudgetContractsTest}). Real
 * broker, real PostgreSQL.
 */
@QuarkusTest
class BackboneTest {

    static final String DEAD_LETTERS = "ruralfund.budget-service.dead-letter";

    @Test
    void PassingFaults_aHandlerThatFailsTwiceIsAppliedOnceWithoutDeadLetter() {
        String subject = "flaky-" + UUID.randomUUID();
        FlakyConsumer.FAILURES.put(subject, 2);
        String id = sendFlaky(subject);
        await().atMost(Duration.ofSeconds(30)).until(() -> FlakyConsumer.APPLIED.containsKey(subject));
        assertThat(FlakyConsumer.ATTEMPTS.get(subject).get()).isEqualTo(3);
        assertThat(FlakyConsumer.APPLIED.get(subject).get()).isEqualTo(1);
        assertThat(Events.all(DEAD_LETTERS, r -> r.value().contains(id), Duration.ofSeconds(2))).isEmpty();
    }

    @Test
    void DeadLetters_aHandlerThatKeepsFailingIsDeadLetteredThenReplayedOnceAfterTheFix() {
        String subject = "broken-" + UUID.randomUUID();
        FlakyConsumer.FAILURES.put(subject, Integer.MAX_VALUE);
        String id = sendFlaky(subject);
        ConsumerRecord<String, String> dead = Events.awaitRecord(DEAD_LETTERS, r -> r.value().contains(id), Duration.ofSeconds(60));
        assertThat(header(dead, DeadLetters.KIND)).isEqualTo("HANDLER_FAILED");
        assertThat(header(dead, DeadLetters.ATTEMPTS)).isEqualTo("8");
        assertThat(header(dead, DeadLetters.TOPIC)).isEqualTo("ruralfund.reporting.events");
        assertThat(header(dead, DeadLetters.REASON)).contains("passing fault");
        assertThat(FlakyConsumer.ATTEMPTS.get(subject).get()).isEqualTo(8);
        given().baseUri(io.quarkus.test.common.http.TestHTTPResourceManager.getManagementUri()).get("/metrics").then().body(org.hamcrest.Matchers.containsString(
                "ruralfund_dead_letters_total{reason=\"HANDLER_FAILED\",service=\"budget-service\""));

        given().auth().oauth2(Fixtures.OFFICE).post("/admin/dead-letters/replay").then().statusCode(403);
        FlakyConsumer.FAILURES.put(subject, 0); // the fix
        given().auth().oauth2(Tokens.of("OPERATOR")).post("/admin/dead-letters/replay").then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> FlakyConsumer.APPLIED.containsKey(subject));
        given().auth().oauth2(Tokens.of("OPERATOR")).post("/admin/dead-letters/replay").then().statusCode(200);
        Events.send("ruralfund.reporting.events", subject, Events.cloudEvent(id, FlakyConsumer.TYPE, subject, Map.of("n", 1))); // a redelivery
        sendFlaky("after-" + subject);
        await().atMost(Duration.ofSeconds(30)).until(() -> FlakyConsumer.APPLIED.containsKey("after-" + subject));
        assertThat(FlakyConsumer.APPLIED.get(subject).get()).as("applied once").isEqualTo(1);
    }

    /**
     * Acceptance, audit and publicity events of 50 projects arrive at once on their three channels, shuffled, 20
     * rounds: each round's final row equals what sequential delivery gives (every column from its own channel).
     */
    @Test
    void Concurrency_eventsOfEveryChannelOnOneRowEqualSequentialDelivery() throws Exception {
        List<UUID> projects = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            projects.add(UUID.randomUUID());
        }
        Random random = new Random(20201);
        try (KafkaProducer<String, String> producer = producer()) {
            for (int round = 1; round <= 20; round++) {
                BigDecimal audited = new BigDecimal("1000.00").add(new BigDecimal(round)).setScale(2);
                LocalDate closedOn = LocalDate.of(2021, 1, 1).plusDays(round);
                List<ProducerRecord<String, String>> records = new ArrayList<>();
                for (UUID p : projects) {
                    records.add(record(AcceptanceConcludedV1.TYPE, p.toString(), new AcceptanceConcludedV1(p, "PASS", null, "round " + round, OffsetDateTime.now())));
                    records.add(record(AuditCompletedV1.TYPE, p.toString(), new AuditCompletedV1(p, "某事务所", "R" + round, audited, OffsetDateTime.now())));
                    UUID announcement = UUID.randomUUID();
                    records.add(record(PublicityClosedV1.TYPE, announcement.toString(), new PublicityClosedV1(announcement, "ACCEPTANCE", p,
                            closedOn.minusDays(7), closedOn, false, OffsetDateTime.now())));
                }
                Collections.shuffle(records, random);
                List<Future<?>> sent = new ArrayList<>();
                records.forEach(r -> sent.add(producer.send(r)));
                for (Future<?> f : sent) {
                    f.get();
                }
                int expectedRound = round;
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                        assertThat(count("""
                                select count(*) from project_fact where project_id = any(?::uuid[]) and acceptance = 'PASS'
                                and audited_amount = %s and audit_report = 'R%d' and publicity_closed_on = '%s' and objection_upheld = false"""
                                .formatted(audited.toPlainString(), expectedRound, closedOn), projects.stream().map(UUID::toString).toArray(String[]::new)))
                                .as("round " + expectedRound).isEqualTo(50));
            }
        }
        assertThat(Events.all(DEAD_LETTERS, r -> projects.stream().anyMatch(p -> r.value().contains(p.toString())), Duration.ofSeconds(2)))
                .as("no event dead-lettered").isEmpty();
    }

    /** PostgreSQL drops every connection of the service, again and again, while events are applied: each applies exactly once. */
    @Test
    void PassingFaults_connectionsKilledWhileApplyingLoseNothingAndApplyNothingTwice() throws Exception {
        List<UUID> projects = new ArrayList<>();
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            UUID p = UUID.randomUUID();
            projects.add(p);
            records.add(record(AuditCompletedV1.TYPE, p.toString(), new AuditCompletedV1(p, "某事务所", "KILL-" + i, new BigDecimal("12.34"), OffsetDateTime.now())));
        }
        String[] ids = projects.stream().map(UUID::toString).toArray(String[]::new);
        try (KafkaProducer<String, String> producer = producer(); Connection killer = Postgres.connect("budget")) {
            for (int i = 0; i < records.size(); i++) {
                producer.send(records.get(i));
                if (i % 20 == 10) {
                    producer.flush();
                    killer.createStatement().execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = 'budget' and pid <> pg_backend_pid()");
                    Thread.sleep(150);
                }
            }
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(count("select count(*) from project_fact where project_id = any(?::uuid[]) and audited_amount = 12.34", ids)).isEqualTo(100));
        assertThat(count("select count(*) from audit_entry where action = 'audit.completed' and aggregate_id = any(?)", ids))
                .as("each applied exactly once").isEqualTo(100);
        assertThat(Events.all(DEAD_LETTERS, r -> projects.stream().anyMatch(p -> r.value().contains(p.toString())), Duration.ofSeconds(2)))
                .as("none dead-lettered").isEmpty();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> // the pool drops its dead connections and is ready again
                given().baseUri(io.quarkus.test.common.http.TestHTTPResourceManager.getManagementUri()).get("/health/ready").then().statusCode(200).body("status", equalTo("UP")));
    }

    private static String sendFlaky(String subject) {
        String id = UUID.randomUUID().toString();
        Events.send("ruralfund.reporting.events", subject, Events.cloudEvent(id, FlakyConsumer.TYPE, subject, Map.of("n", 1)));
        return id;
    }

    private static <T> ProducerRecord<String, String> record(EventType<T> type, String subject, T data) {
        return new ProducerRecord<>(type.topic(), subject, Events.cloudEvent(type.type(), subject, data));
    }

    static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new StringSerializer());
    }


    static String header(ConsumerRecord<?, ?> record, String name) {
        var h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    static long count(String sql, String[] values) throws Exception {
        try (Connection c = Postgres.connect("budget"); PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, c.createArrayOf("text", values));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
