package cn.ruralfund.platform.events;

import cn.ruralfund.platform.contracts.EventCatalog;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The JSON Schemas of the catalog as the contract of incoming data: the data of every event type the catalog
 * knows is checked against its schema before any handler sees it (required fields present, booleans really
 * booleans, money a number with at most two decimals). Types the catalog does not know are not checked here: the
 * consumers skip them.
 */
public final class EventContracts {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, EventType<?>> TYPES = EventCatalog.ALL.stream()
            .collect(Collectors.toUnmodifiableMap(EventType::type, Function.identity()));
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private EventContracts() {
    }

    public static Optional<EventType<?>> type(String type) {
        return Optional.ofNullable(TYPES.get(type));
    }

    /** The schema violations of {@code data} for the event type {@code type}; empty when valid or unknown. */
    public static List<String> violations(String type, JsonNode data) {
        EventType<?> known = TYPES.get(type);
        if (known == null) {
            return List.of();
        }
        List<Error> errors = SCHEMAS.computeIfAbsent(known.type(), t -> load(known)).validate(data);
        return errors.stream().map(Error::toString).toList();
    }

    private static Schema load(EventType<?> type) {
        String resource = "META-INF/resources" + type.schema();
        try (InputStream in = EventContracts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no schema for " + type.type() + " at " + resource);
            }
            return REGISTRY.getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
