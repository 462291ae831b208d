package cn.ruralfund.platform.contracts;

import cn.ruralfund.platform.events.EventType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The public event contract: every type has its schema, schemas match the records, the AsyncAPI catalog is current. */
class EventCatalogTest {

    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    static final Path ASYNCAPI = Path.of("src/main/resources/META-INF/resources/events/asyncapi.json");

    static JsonNode schema(EventType<?> type) throws Exception {
        try (InputStream in = EventCatalogTest.class.getResourceAsStream("/META-INF/resources" + type.schema())) {
            assertThat(in).as("schema of " + type.type() + " at " + type.schema()).isNotNull();
            return MAPPER.readTree(in);
        }
    }

    @Test
    void everyEventTypeHasASchemaThatMatchesItsRecord() throws Exception {
        for (EventType<?> type : EventCatalog.ALL) {
            JsonNode schema = schema(type);
            Set<String> fields = Arrays.stream(type.dataClass().getRecordComponents()).map(c -> c.getName()).collect(Collectors.toSet());
            Set<String> properties = new HashSet<>();
            schema.path("properties").fieldNames().forEachRemaining(properties::add);
            assertThat(properties).as("schema properties of " + type.type()).isEqualTo(fields);
            Set<String> required = new HashSet<>();
            schema.path("required").forEach(r -> required.add(r.asText()));
            assertThat(fields).as("required fields of " + type.type()).containsAll(required);
            assertThat(schema.path("type").asText()).isEqualTo("object");
        }
    }

    @Test
    void eventTypesAreUniqueAndVersioned() {
        assertThat(EventCatalog.ALL.stream().map(EventType::type).distinct().count()).isEqualTo(EventCatalog.ALL.size());
        assertThat(EventCatalog.ALL).allSatisfy(t -> assertThat(t.type()).matches("cn\\.ruralfund\\.[a-z]+\\.[a-z-]+\\.v[0-9]+"));
    }

    /** Regenerate after adding an event type: {@code ./mvnw -pl platform test -Dcatalog.update=true}. */
    @Test
    void asyncApiCatalogListsEveryEventType() throws Exception {
        String generated = MAPPER.writeValueAsString(asyncApi()) + "\n";
        if (Boolean.getBoolean("catalog.update")) {
            Files.writeString(ASYNCAPI, generated);
        }
        assertThat(Files.readString(ASYNCAPI)).as(ASYNCAPI + " is stale: run with -Dcatalog.update=true").isEqualTo(generated);
    }

    static ObjectNode asyncApi() throws Exception {
        ObjectNode doc = MAPPER.createObjectNode().put("asyncapi", "3.0.0");
        doc.putObject("info").put("title", "Rural e-commerce demonstration fund platform: events")
                .put("version", "1")
                .put("description", "CloudEvents 1.0 in structured JSON mode (content-type application/cloudevents+json) on Kafka, "
                        + "one topic per publishing service, keyed by the aggregate id (the CloudEvent subject). "
                        + "The type ends in the version of its data schema; a published version never changes meaning.");
        doc.put("defaultContentType", "application/cloudevents+json");
        ObjectNode channels = doc.putObject("channels");
        ObjectNode operations = doc.putObject("operations");
        ObjectNode messages = doc.putObject("components").putObject("messages");
        var byTopic = new TreeMap<String, java.util.List<EventType<?>>>();
        EventCatalog.ALL.forEach(t -> byTopic.computeIfAbsent(t.topic(), k -> new java.util.ArrayList<>()).add(t));
        for (var entry : byTopic.entrySet()) {
            ObjectNode channel = channels.putObject(entry.getKey());
            channel.put("address", entry.getKey());
            ObjectNode channelMessages = channel.putObject("messages");
            for (EventType<?> type : entry.getValue()) {
                String id = type.family() + "." + type.name() + ".v" + type.version();
                channelMessages.putObject(id).put("$ref", "#/components/messages/" + id);
                ObjectNode message = messages.putObject(id);
                message.put("name", type.type());
                message.put("title", type.dataClass().getSimpleName());
                message.put("summary", schema(type).path("description").asText(schema(type).path("title").asText()));
                message.putObject("payload").put("$ref", type.schema().substring("/events/".length()));
            }
            String family = entry.getValue().get(0).family();
            ObjectNode operation = operations.putObject(family + "-publishes");
            operation.put("action", "send");
            operation.putObject("channel").put("$ref", "#/channels/" + entry.getKey());
        }
        return doc;
    }
}
