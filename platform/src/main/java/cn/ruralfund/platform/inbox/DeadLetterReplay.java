package cn.ruralfund.platform.inbox;

import cn.ruralfund.platform.events.Topics;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;

/**
 * Puts the service's dead letters back on the topics they came from, after the fault that killed them is fixed.
 * It reads the dead-letter topic from where the last replay stopped (consumer group
 * {@code <service>.dead-letter-replay}) up to its end at the time of the call, re-publishes each record with its key
 * to its {@code dead-letter-topic}, and commits. A replay is safe to repeat: consumers are idempotent, so an event
 * that was applied in the meantime changes nothing, and one that fails again comes back here.
 */
@ApplicationScoped
public class DeadLetterReplay {

    public record Result(int replayed, Map<String, Integer> byTopic) {
    }

    private final String bootstrapServers;
    private final String service;

    DeadLetterReplay(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                     @ConfigProperty(name = "quarkus.application.name") String service) {
        this.bootstrapServers = bootstrapServers;
        this.service = service;
    }

    /** Blocking: call it from a worker thread. */
    public synchronized Result replay() {
        String deadLetterTopic = Topics.deadLetter(service);
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, service + ".dead-letter-replay");
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        Map<String, Integer> byTopic = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer());
             KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(deadLetterTopic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new java.util.HashSet<>(partitions));
            for (TopicPartition tp : partitions) {
                OffsetAndMetadata from = committed.get(tp);
                if (from == null) {
                    consumer.seekToBeginning(List.of(tp));
                } else {
                    consumer.seek(tp, from.offset());
                }
            }
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= end.get(tp)) {
                        continue; // arrived after the call: the next replay takes it
                    }
                    String topic = header(record, DeadLetters.TOPIC);
                    if (topic == null) {
                        Log.warnf("dead letter %s-%d@%d names no original topic; left alone", record.topic(), record.partition(), record.offset());
                        continue;
                    }
                    ProducerRecord<String, String> again = new ProducerRecord<>(topic, record.key(), record.value());
                    again.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
                    producer.send(again).get();
                    byTopic.merge(topic, 1, Integer::sum);
                }
                for (TopicPartition tp : partitions) {
                    consumer.seek(tp, Math.min(consumer.position(tp), end.get(tp)));
                }
                consumer.commitSync();
            }
            consumer.commitSync();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("dead-letter replay interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("dead-letter replay failed: " + e.getCause(), e.getCause());
        }
        int total = byTopic.values().stream().mapToInt(Integer::intValue).sum();
        Log.infof("replayed %d dead letter(s) of %s: %s", total, service, byTopic);
        return new Result(total, byTopic);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
