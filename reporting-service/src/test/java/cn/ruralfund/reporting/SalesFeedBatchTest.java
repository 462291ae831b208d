package cn.ruralfund.reporting;

import cn.ruralfund.platform.contracts.SalesRecordedV1;
import cn.ruralfund.platform.events.Topics;
import cn.ruralfund.platform.testing.Events;
import cn.ruralfund.platform.testing.KafkaBroker;
import cn.ruralfund.platform.testing.Postgres;
import cn.ruralfund.platform.testing.Tokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.ruralfund.reporting.Fixtures.brand;
import static cn.ruralfund.reporting.Fixtures.exact;
import static cn.ruralfund.reporting.Fixtures.program;
import static cn.ruralfund.reporting.Fixtures.yearSales;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The machine feed consumed in batches keeps the Inbox's guarantees per record: each event id applied once (a
 * redelivery inside the same poll too), poison dead-lettered one by one with its reason while the good records of the
 * same poll are applied, and the order of a key kept (a later record of the same key is a correction of the earlier).
 */
@QuarkusTest
class SalesFeedBatchTest {

    static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules();

    @Test
    void Feed_aBatchWithPoisonRedeliveriesAndCorrectionsAppliesEachGoodRecordOnceInOrder() throws Exception {
        UUID program = program();
        var b = brand(program, 2);
        String stranger = Fixtures.creditCode();
        String township = "乡-" + UUID.randomUUID();
        String first = UUID.randomUUID().toString(), correction = UUID.randomUUID().toString(), other = UUID.randomUUID().toString(),
                poison = UUID.randomUUID().toString(), broken = UUID.randomUUID().toString();
        String firstEvent = event(first, b.enterprise(), new SalesRecordedV1(b.enterprise(), "2021-03", b.name(), "P1", "TAOBAO", township,
                new BigDecimal("100.00"), 1, 1, false));
        ObjectNode brokenData = MAPPER.valueToTree(new SalesRecordedV1(b.enterprise(), "2021-03", b.name(), "P2", "JD", township,
                new BigDecimal("1.00"), 1, 1, false));
        brokenData.remove("orders");
        List<String> values = List.of(
                firstEvent,
                event(poison, b.enterprise(), new SalesRecordedV1(stranger, "2021-03", b.name(), "P2", "JD", township,
                        new BigDecimal("7.00"), 1, 1, false)),                                   // another enterprise's brand
                event(correction, b.enterprise(), new SalesRecordedV1(b.enterprise(), "2021-03", b.name(), "P1", "TAOBAO", township,
                        new BigDecimal("250.00"), 2, 2, false)),                                 // the same key again: a correction
                firstEvent,                                                                      // redelivered: must not undo it
                Events.cloudEvent(broken, SalesRecordedV1.TYPE.type(), b.enterprise(), brokenData), // breaks the schema
                event(other, b.enterprise(), new SalesRecordedV1(b.enterprise(), "2021-03", b.name(), "P2", "JD", township,
                        new BigDecimal("40.00"), 1, 1, true)));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, 50, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            for (String value : values) {
                producer.send(new ProducerRecord<>(SalesRecordedV1.TYPE.topic(), b.enterprise(), value)); // one key: one partition, in order
            }
            producer.flush();
        }

        var dead = Events.awaitAll(Topics.deadLetter("reporting-service"), r -> r.value().contains(poison) || r.value().contains(broken), 2,
                Duration.ofSeconds(60));
        for (var record : dead) {
            String reason = new String(record.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
            assertThat(reason).contains(record.value().contains(poison) ? "another enterprise" : "orders");
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(yearSales(b, 2021)).isEqualTo("290.00"));

        var records = exact(given().auth().oauth2(Tokens.enterprise(b.enterprise())).queryParam("period", "2021-03").queryParam("township", township)
                .get("/sales").then().statusCode(200));
        String p1 = records.getList("findAll { it.product == 'P1' }.id", String.class).get(0);
        var versions = exact(given().auth().oauth2(Tokens.enterprise(b.enterprise())).get("/sales/" + p1 + "/versions").then().statusCode(200));
        assertThat(versions.getList("amount").stream().map(Fixtures::money)).containsExactly("100.00", "250.00");

        Thread.sleep(2000); // anything still to come of this poll would have come by now
        assertThat(yearSales(b, 2021)).isEqualTo("290.00");
        assertThat(processed(List.of(first, correction, other, poison, broken))).containsExactlyInAnyOrder(first, correction, other);
    }

    static String event(String id, String subject, SalesRecordedV1 data) {
        return Events.cloudEvent(id, SalesRecordedV1.TYPE.type(), subject, data);
    }

    static List<String> processed(List<String> ids) throws Exception {
        try (Connection c = Postgres.connect("reporting");
             PreparedStatement s = c.prepareStatement("select event_id from processed_event where consumer = 'sales-feed' and event_id = any(?)")) {
            s.setArray(1, c.createArrayOf("text", ids.toArray()));
            List<String> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }
}
