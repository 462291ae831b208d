package cn.ruralfund.platform.inbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;

/**
 * Moves a record that cannot be applied to the service's dead-letter topic ({@code ruralfund.<service>.dead-letter}),
 * value unchanged, with headers that say why and where it came from, so that {@link DeadLetterReplay} can put it back
 * on its topic after a fix. Counted per service and kind in {@code ruralfund_dead_letters_total}.
 */
@ApplicationScoped
public class DeadLetters {

    public static final String REASON = "dead-letter-reason";
    public static final String KIND = "dead-letter-kind";
    public static final String ATTEMPTS = "dead-letter-attempts";
    public static final String TOPIC = "dead-letter-topic";
    public static final String CONSUMER = "dead-letter-consumer";
    public static final String EXCEPTION = "dead-letter-exception-class-name";

    /** Why a record is dead: the tag of the metric, and the {@link #KIND} header. */
    public enum Kind {
        /** not a complete CloudEvent 1.0 */
        NOT_A_CLOUDEVENT,
        /** its data breaks the JSON Schema of its type, or a rule of the contract the handler checks */
        CONTRACT,
        /** its handler still failed after every retry */
        HANDLER_FAILED
    }

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final MutinyEmitter<String> emitter;
    private final Config config;
    private final MeterRegistry registry;
    private final String service;

    DeadLetters(@Channel("dead-letters") MutinyEmitter<String> emitter, Config config, MeterRegistry registry,
                @ConfigProperty(name = "quarkus.application.name") String service) {
        this.emitter = emitter;
        this.config = config;
        this.registry = registry;
        this.service = service;
    }

    Uni<Void> send(String consumer, String key, String record, Kind kind, Throwable reason, int attempts) {
        String topic = config.getOptionalValue("mp.messaging.incoming." + consumer + ".topic", String.class).orElse(consumer);
        String message = reason.getMessage() == null ? reason.toString() : reason.getMessage();
        LOG.errorf("dead letter from %s (%s, %d attempt(s)): %s", consumer, kind, attempts, message);
        RecordHeaders headers = new RecordHeaders();
        headers.add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
        headers.add(REASON, message.getBytes(StandardCharsets.UTF_8));
        headers.add(KIND, kind.name().getBytes(StandardCharsets.UTF_8));
        headers.add(ATTEMPTS, Integer.toString(attempts).getBytes(StandardCharsets.UTF_8));
        headers.add(TOPIC, topic.getBytes(StandardCharsets.UTF_8));
        headers.add(CONSUMER, consumer.getBytes(StandardCharsets.UTF_8));
        headers.add(EXCEPTION, reason.getClass().getName().getBytes(StandardCharsets.UTF_8));
        return emitter.sendMessage(Message.of(record).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(key).withHeaders(headers).build()))
                .invoke(() -> Counter.builder("ruralfund.dead.letters").description("records moved to the dead-letter topic")
                        .tag("service", service).tag("reason", kind.name()).register(registry).increment());
    }
}
