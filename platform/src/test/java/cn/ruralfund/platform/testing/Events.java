package cn.ruralfund.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** Reads and writes records on the test run's real broker, as another bureau would. */
public final class Events {

    private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules()
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    private Events() {
    }

    /** The first CloudEvent on {@code topic} whose key is {@code subject}; fails after 30 s. */
    public static JsonNode awaitOn(String topic, String subject) {
        ConsumerRecord<String, String> record = awaitRecord(topic, r -> subject.equals(r.key()), Duration.ofSeconds(30));
        try {
            return MAPPER.readTree(record.value());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + record.value(), e);
        }
    }

    public static ConsumerRecord<String, String> awaitRecord(String topic, Predicate<ConsumerRecord<String, String>> match, Duration timeout) {
        List<ConsumerRecord<String, String>> found = records(topic, match, timeout, true);
        if (found.isEmpty()) {
            throw new AssertionError("no matching record on " + topic + " within " + timeout);
        }
        return found.get(0);
    }

    /** Every matching record on the topic within {@code window} (reads the whole window). */
    public static List<ConsumerRecord<String, String>> all(String topic, Predicate<ConsumerRecord<String, String>> match, Duration window) {
        return records(topic, match, window, false);
    }

    /** The first {@code count} matching records on the topic; fails when fewer arrive within {@code timeout}. */
    public static List<ConsumerRecord<String, String>> awaitAll(String topic, Predicate<ConsumerRecord<String, String>> match, int count,
                                                               Duration timeout) {
        List<ConsumerRecord<String, String>> found = records(topic, match, timeout, count);
        if (found.size() < count) {
            throw new AssertionError("only " + found.size() + " of " + count + " matching records on " + topic + " within " + timeout);
        }
        return found;
    }

    private static List<ConsumerRecord<String, String>> records(String topic, Predicate<ConsumerRecord<String, String>> match,
                                                                Duration timeout, boolean firstOnly) {
        return records(topic, match, timeout, firstOnly ? 1 : Integer.MAX_VALUE);
    }

    private static List<ConsumerRecord<String, String>> records(String topic, Predicate<ConsumerRecord<String, String>> match,
                                                                Duration timeout, int enough) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (match.test(r)) {
                        found.add(r);
                        if (found.size() >= enough) {
                            return found;
                        }
                    }
                }
            }
        }
        return found;
    }

    /** A CloudEvent as a publishing service would write it, with a fresh id. */
    public static String cloudEvent(String type, String subject, Object data) {
        return cloudEvent(UUID.randomUUID().toString(), type, subject, data);
    }

    public static String cloudEvent(String id, String type, String subject, Object data) {
        var event = MAPPER.createObjectNode()
                .put("specversion", "1.0").put("id", id).put("source", "/ruralfund/test").put("type", type)
                .put("subject", subject).put("time", java.time.OffsetDateTime.now().toString())
                .put("datacontenttype", "application/json");
        event.set("data", MAPPER.valueToTree(data));
        return event.toString();
    }

    /** Publishes {@code data} as the publishing service of {@code type} would; returns the event id. */
    public static <T> String send(cn.ruralfund.platform.events.EventType<T> type, String subject, T data) {
        String id = UUID.randomUUID().toString();
        send(type.topic(), subject, cloudEvent(id, type.type(), subject, data));
        return id;
    }

    /** Sends a raw record, as any producer on the cluster could (a poison message, a redelivery). */
    public static void send(String topic, String key, String value) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot send to " + topic, e);
        }
    }
}
