package cn.ruralfund.platform.testing;

import cn.ruralfund.platform.events.EventContracts;
import cn.ruralfund.platform.tracing.EventTrace;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.kafka.CloudEventDeserializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads every event a service published in this run as another bureau would: with the official CloudEvents Java SDK
 * ({@code io.cloudevents:cloudevents-kafka}) on a real Kafka consumer. Each must parse, carry only the spec's
 * attributes and those of its distributed-tracing extension ({@code traceparent} in W3C format, {@code tracestate}),
 * an absolute {@code dataschema}, a type of the catalog, and data valid against its JSON Schema. A {@code @QuarkusTest} subclass per service names its topic and makes it publish something first.
 */
public abstract class CloudEventsConformanceTest {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** The service's own topic, e.g. {@code ruralfund.budget.events}. */
    protected abstract String topic();

    /** Makes the service publish at least one event (through its API or by events it reacts to). */
    protected abstract void publishSomething();

    @Test
    void everyPublishedEventPassesTheOfficialCloudEventsSdkAndItsSchema() throws Exception {
        publishSomething();
        Thread.sleep(2000); // the outbox relay polls every 100 ms: let what was just committed reach the topic
        List<CloudEvent> events = new ArrayList<>();
        Set<String> types = new TreeSet<>();
        int traced = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try (KafkaConsumer<String, CloudEvent> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "conformance-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new CloudEventDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic()).stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp)) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, CloudEvent> record : consumer.poll(Duration.ofMillis(500))) {
                    CloudEvent event = record.value();
                    String at = record.topic() + "-" + record.partition() + "@" + record.offset();
                    assertThat(event).as(at).isNotNull();
                    assertThat(event.getSpecVersion()).as(at).isEqualTo(SpecVersion.V1);
                    assertThat(event.getExtensionNames()).as("attributes outside the spec and its tracing extension at " + at)
                            .isSubsetOf(EventTrace.EXTENSIONS);
                    if (event.getExtension(EventTrace.TRACEPARENT) != null) {
                        assertThat(event.getExtension(EventTrace.TRACEPARENT).toString()).as("W3C traceparent at " + at)
                                .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}").doesNotContain("00000000000000000000000000000000");
                        traced++;
                    }
                    assertThat(event.getDataSchema()).as("dataschema at " + at).isNotNull();
                    assertThat(event.getDataSchema().isAbsolute()).as("absolute dataschema at " + at).isTrue();
                    assertThat(event.getSubject()).as(at).isEqualTo(record.key());
                    assertThat(EventContracts.type(event.getType())).as("type " + event.getType() + " in the catalog").isPresent();
                    assertThat(event.getDataSchema().toString()).endsWith(EventContracts.type(event.getType()).get().schema());
                    JsonNode data = MAPPER.readTree(event.getData().toBytes());
                    assertThat(EventContracts.violations(event.getType(), data)).as("schema violations of " + event.getType() + " at " + at).isEmpty();
                    events.add(event);
                    types.add(event.getType());
                }
            }
        }
        assertThat(events).as("events on " + topic()).isNotEmpty();
        System.out.println("[conformance] " + events.size() + " events on " + topic() + " parsed by the CloudEvents SDK (" + traced
                + " with a traceparent), types " + types);
    }
}
