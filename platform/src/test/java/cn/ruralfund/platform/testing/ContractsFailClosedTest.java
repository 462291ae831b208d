package cn.ruralfund.platform.testing;

import cn.ruralfund.platform.events.EventType;
import cn.ruralfund.platform.inbox.DeadLetters;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Incoming contracts fail closed: each event type a service consumes is sent once per required field of its schema,
 * with that field missing. Every one is dead-lettered at once (kind {@code CONTRACT}, the field named in the reason),
 * and none is applied (no {@code processed_event} row). A {@code @QuarkusTest} subclass per consuming service gives a
 * valid example of each type it consumes.
 */
public abstract class ContractsFailClosedTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules()
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** A valid example of every event type the service consumes. */
    protected abstract Map<EventType<?>, Object> consumedExamples();

    /** The service's name, e.g. {@code budget-service} (its dead-letter topic is {@code ruralfund.<service>.dead-letter}). */
    protected abstract String service();

    /** The service's database. */
    protected abstract String database();

    @Test
    void Contracts_eachRequiredFieldMissingIsDeadLetteredAndNothingApplied() throws Exception {
        List<String> ids = new ArrayList<>();
        Map<String, String> missingField = new HashMap<>();
        for (Map.Entry<EventType<?>, Object> example : consumedExamples().entrySet()) {
            EventType<?> type = example.getKey();
            JsonNode required = schema(type).get("required");
            assertThat(required).as("required fields of " + type.type()).isNotNull();
            for (JsonNode field : required) {
                ObjectNode data = MAPPER.valueToTree(example.getValue());
                assertThat(data.has(field.asText())).as("the example of " + type.type() + " has " + field.asText()).isTrue();
                data.remove(field.asText());
                String id = UUID.randomUUID().toString();
                String subject = UUID.randomUUID().toString();
                Events.send(type.topic(), subject, Events.cloudEvent(id, type.type(), subject, data));
                ids.add(id);
                missingField.put(id, field.asText());
            }
        }
        List<ConsumerRecord<String, String>> dead = Events.awaitAll("ruralfund." + service() + ".dead-letter",
                r -> ids.stream().anyMatch(r.value()::contains), ids.size(), Duration.ofSeconds(90));
        for (ConsumerRecord<String, String> record : dead) {
            String id = MAPPER.readTree(record.value()).get("id").asText();
            assertThat(header(record, DeadLetters.KIND)).isEqualTo("CONTRACT");
            assertThat(header(record, DeadLetters.ATTEMPTS)).isEqualTo("1");
            assertThat(header(record, DeadLetters.REASON)).as("reason of " + id).contains(missingField.get(id));
            assertThat(header(record, DeadLetters.TOPIC)).startsWith("ruralfund.");
        }
        try (Connection c = Postgres.connect(database());
             PreparedStatement s = c.prepareStatement("select count(*) from processed_event where event_id = any(?)")) {
            s.setArray(1, c.createArrayOf("text", ids.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(1)).as("none of them was applied").isZero();
            }
        }
    }

    private static JsonNode schema(EventType<?> type) throws Exception {
        try (InputStream in = ContractsFailClosedTest.class.getResourceAsStream("/META-INF/resources" + type.schema())) {
            return MAPPER.readTree(in);
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
