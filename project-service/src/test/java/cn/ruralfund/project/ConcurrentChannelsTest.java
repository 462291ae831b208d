package cn.ruralfund.project;

import cn.ruralfund.platform.contracts.AcceptanceConcludedV1;
import cn.ruralfund.platform.contracts.BudgetCommittedV1;
import cn.ruralfund.platform.contracts.PublicityClosedV1;
import cn.ruralfund.platform.events.EventType;
import cn.ruralfund.platform.testing.Events;
import cn.ruralfund.platform.testing.KafkaBroker;
import cn.ruralfund.platform.testing.Postgres;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * budget-service, acceptance-service and publicity-service events on the same 50 project rows, arriving at once on
 * their three channels, shuffled, 20 rounds: the rows end as sequential delivery leaves them.
 */
@QuarkusTest
class ConcurrentChannelsTest {

    @Test
    void Concurrency_eventsOfEveryChannelOnOneProjectRowEqualSequentialDelivery() throws Exception {
        Fixtures.Program program = Fixtures.program();
        List<UUID> projects = new ArrayList<>();
        Map<UUID, String> codes = new java.util.HashMap<>();
        for (int i = 0; i < 50; i++) {
            String code = Fixtures.creditCode();
            UUID project = Fixtures.project(Fixtures.awardedTender(program, Fixtures.enterprise(code)));
            projects.add(project);
            codes.put(project, code);
        }
        String[] ids = projects.stream().map(UUID::toString).toArray(String[]::new);
        Random random = new Random(20202);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaBroker.bootstrapServers(), ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new StringSerializer())) {
            for (int round = 1; round <= 20; round++) {
                LocalDate closedOn = LocalDate.of(2021, 3, 1).plusDays(round);
                List<ProducerRecord<String, String>> records = new ArrayList<>();
                for (UUID p : projects) {
                    records.add(record(BudgetCommittedV1.TYPE, p.toString(), new BudgetCommittedV1(p, program.programId(),
                            program.directionId(), codes.get(p), new BigDecimal("600000.00"), new BigDecimal("0.00"), round, "round " + round)));
                    records.add(record(AcceptanceConcludedV1.TYPE, p.toString(), new AcceptanceConcludedV1(p, "PASS", null, "round " + round,
                            OffsetDateTime.now())));
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
                int expected = round;
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> assertThat(count("""
                        select count(*) from project where id = any(?::uuid[]) and status = 'ACCEPTED' and acceptance = 'PASS'
                        and acceptance_reason = 'round %d' and publicity_closed_on = '%s' and objection_upheld = false"""
                        .formatted(expected, closedOn), ids)).as("round " + expected).isEqualTo(50));
            }
        }
        assertThat(Events.all("ruralfund.project-service.dead-letter", r -> projects.stream().anyMatch(p -> r.value().contains(p.toString())),
                Duration.ofSeconds(2))).as("no event dead-lettered").isEmpty();
    }

    private static <T> ProducerRecord<String, String> record(EventType<T> type, String subject, T data) {
        return new ProducerRecord<>(type.topic(), subject, Events.cloudEvent(type.type(), subject, data));
    }

    private static long count(String sql, String[] ids) throws Exception {
        try (Connection c = Postgres.connect("project"); PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, c.createArrayOf("text", ids));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
