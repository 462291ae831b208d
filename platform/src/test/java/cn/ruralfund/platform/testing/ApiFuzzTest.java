package cn.ruralfund.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives every POST, PUT, PATCH and DELETE of a service's OpenAPI document with generated bad input: ids that are
 * not ids or name nothing, bodies that are malformed, empty, of the wrong shape, with fields missing, of the wrong
 * type, negative, huge, over-precise or very long, with and without tokens of every role. Nothing may answer ≥ 500,
 * and a refused request (4xx) may store nothing: no audit entry appears under the fuzzing users' names. Then each
 * create the subclass names is sent ten times at once: still no 5xx. The seed is fixed ({@code -Dfuzz.seed=...}
 * replays another run); a failure prints the seed, the request number and the request.
 */
public abstract class ApiFuzzTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String[] ROLES = {"COMMERCE_OFFICE", "FINANCE", "LEADING_GROUP", "ACCEPTANCE_TEAM", "AUDITOR", "ENTERPRISE",
            "TOWNSHIP_ASSISTANT", "OPERATOR"};

    /** The service's database, where the audit trail lies. */
    protected abstract String database();

    /** Creates that are valid as far as a generator can tell, each fired ten times at once: method, path, JSON body. */
    protected abstract List<String[]> creates();

    protected int requests() {
        return Integer.getInteger("fuzz.requests", 2000);
    }

    private record Operation(String method, String path, JsonNode bodySchema) {
    }

    @Test
    void Fuzz_noServerErrorAndRefusedRequestsStoreNothing() throws Exception {
        long seed = Long.getLong("fuzz.seed", 20201128L);
        Random random = new Random(seed);
        JsonNode openapi = MAPPER.readTree(given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        List<Operation> operations = operations(openapi);
        assertThat(operations).as("write operations in the OpenAPI document").isNotEmpty();
        List<String> tokens = new ArrayList<>();
        for (String role : ROLES) {
            tokens.add(Tokens.named("fuzz-" + role.toLowerCase(), role));
        }
        tokens.add(Tokens.namedEnterprise("fuzz-enterprise", "91350100M000100Y43"));
        tokens.add(Tokens.namedTownshipAssistant("fuzz-assistant", "勐罕镇"));
        List<String> failures = new ArrayList<>();
        int refused = 0;
        try (Connection db = Postgres.connect(database())) {
            for (int i = 0; i < requests(); i++) {
                Operation op = operations.get(random.nextInt(operations.size()));
                String path = path(op.path(), random);
                String body = body(op.bodySchema(), openapi, random);
                RequestSpecification request = given().redirects().follow(false).urlEncodingEnabled(false);
                int auth = random.nextInt(tokens.size() + 2);
                if (auth < tokens.size()) {
                    request = request.auth().oauth2(tokens.get(auth));
                } else if (auth == tokens.size()) {
                    request = request.header("Authorization", "Bearer not.a.token");
                }
                int type = random.nextInt(10);
                request = type == 0 ? request.contentType("text/plain") : type == 1 ? request : request.contentType("application/json");
                if (random.nextInt(4) == 0) {
                    request = request.header("Idempotency-Key", random.nextBoolean() ? UUID.randomUUID().toString() : "x".repeat(random.nextInt(300)));
                }
                if (body != null) {
                    request = request.body(body);
                }
                long before = fuzzAudit(db);
                Response response = request.request(op.method(), path);
                int status = response.statusCode();
                String replay = "seed " + seed + " #" + i + ": " + op.method() + " " + path + " " + abbreviate(body)
                        + " [auth " + (auth < tokens.size() ? "token " + auth : auth == tokens.size() ? "malformed" : "none")
                        + ", content type " + (type == 0 ? "text/plain" : type == 1 ? "none" : "json") + "] -> " + status
                        + " " + abbreviate(response.asString());
                if (status >= 500) {
                    failures.add(replay + " " + abbreviate(response.asString()));
                } else if (status >= 400) {
                    refused++;
                    if (fuzzAudit(db) != before) {
                        failures.add(replay + ": a refused request stored an audit entry");
                    }
                    String contentType = response.contentType();
                    if (status != 405 && contentType != null && !contentType.isEmpty() && !contentType.startsWith("application/problem+json")) {
                        failures.add(replay + ": answered " + contentType + ", not problem+json");
                    }
                }
            }
        }
        failures.addAll(concurrentDuplicates(tokens.get(0)));
        System.out.printf("[fuzz] %d requests over %d operations, %d refused, seed %d%n", requests(), operations.size(), refused, seed);
        assertThat(failures).as("fuzz failures").isEmpty();
    }

    private List<String> concurrentDuplicates(String officeToken) throws Exception {
        List<String> failures = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            for (String[] create : creates()) {
                String token = create.length > 3 ? create[3] : officeToken;
                List<Callable<Integer>> calls = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    calls.add(() -> given().auth().oauth2(token).contentType("application/json").body(create[2])
                            .request(create[0], create[1]).statusCode());
                }
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> f : pool.invokeAll(calls)) {
                    statuses.add(f.get());
                }
                if (statuses.stream().anyMatch(s -> s >= 500)) {
                    failures.add("10 concurrent " + create[0] + " " + create[1] + " " + abbreviate(create[2]) + " -> " + statuses);
                }
            }
        } finally {
            pool.shutdown();
        }
        return failures;
    }

    private static List<Operation> operations(JsonNode openapi) {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = openapi.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : List.of("post", "put", "patch", "delete")) {
                JsonNode op = path.getValue().get(method);
                if (op != null) {
                    JsonNode schema = op.path("requestBody").path("content").path("application/json").path("schema");
                    operations.add(new Operation(method.toUpperCase(), path.getKey(), schema.isMissingNode() ? null : schema));
                }
            }
        }
        return operations;
    }

    private static String path(String template, Random random) {
        String[] ids = {UUID.randomUUID().toString(), "not-a-uuid", "0", "-1", "99999999999999999999", "%20", "%E4%B8%AD%E6%96%87",
                "a".repeat(300), "..%2F..", "null", UUID.randomUUID().toString().toUpperCase(), "2020-13-45"};
        return template.replaceAll("\\{[^}]+}", ids[random.nextInt(ids.length)]);
    }

    private static String body(JsonNode schema, JsonNode openapi, Random random) {
        switch (random.nextInt(12)) {
            case 0:
                return null;
            case 1:
                return "";
            case 2:
                return "{\"unterminated\": ";
            case 3:
                return "[]";
            case 4:
                return random.nextBoolean() ? "null" : "\"text\"";
            default:
                JsonNode value = schema == null ? NODES.objectNode().put("x", 1) : generate(schema, openapi, random, 0);
                return mutate(value, random).toString();
        }
    }

    /** A value shaped by the schema, with every field present. */
    private static JsonNode generate(JsonNode schema, JsonNode openapi, Random random, int depth) {
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            JsonNode target = openapi.at(ref.substring(1));
            return depth > 6 || target.isMissingNode() ? NODES.nullNode() : generate(target, openapi, random, depth + 1);
        }
        if (schema.has("allOf") && schema.get("allOf").size() > 0) {
            return generate(schema.get("allOf").get(0), openapi, random, depth + 1);
        }
        if (schema.has("enum") && schema.get("enum").size() > 0) {
            return schema.get("enum").get(random.nextInt(schema.get("enum").size()));
        }
        String type = schema.path("type").asText("object");
        return switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                for (Iterator<Map.Entry<String, JsonNode>> f = schema.path("properties").fields(); f.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = f.next();
                    object.set(field.getKey(), generate(field.getValue(), openapi, random, depth + 1));
                }
                yield object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                int n = random.nextInt(3);
                for (int i = 0; i < n; i++) {
                    array.add(generate(schema.path("items"), openapi, random, depth + 1));
                }
                yield array;
            }
            case "number", "integer" -> NODES.numberNode(new java.math.BigDecimal(random.nextInt(100000)).movePointLeft(random.nextInt(3)));
            case "boolean" -> NODES.booleanNode(random.nextBoolean());
            default -> {
                String format = schema.path("format").asText("");
                yield NODES.textNode(switch (format) {
                    case "uuid" -> UUID.randomUUID().toString();
                    case "date" -> "2020-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10);
                    case "date-time" -> "2020-06-01T10:00:00+08:00";
                    default -> "景洪" + random.nextInt(1000);
                });
            }
        };
    }

    /** One or two of: a field removed, set to null, to a wrong type, negative, huge, over-precise, very long. */
    private static JsonNode mutate(JsonNode value, Random random) {
        if (!(value instanceof ObjectNode object) || object.isEmpty()) {
            return value;
        }
        int mutations = 1 + random.nextInt(2);
        for (int m = 0; m < mutations; m++) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            if (names.isEmpty()) {
                break;
            }
            String name = names.get(random.nextInt(names.size()));
            switch (random.nextInt(9)) {
                case 0 -> object.remove(name);
                case 1 -> object.putNull(name);
                case 2 -> object.put(name, random.nextBoolean() ? "not a number" : "");
                case 3 -> object.put(name, -1 - random.nextInt(1000));
                case 4 -> object.put(name, new java.math.BigDecimal("1e20"));
                case 5 -> object.put(name, new java.math.BigDecimal("0.001"));
                case 6 -> object.put(name, "长".repeat(5000 + random.nextInt(5000)));
                case 7 -> object.set(name, NODES.arrayNode().add(1));
                default -> object.put(name, true);
            }
        }
        return object;
    }

    private static long fuzzAudit(Connection db) throws Exception {
        try (ResultSet rs = db.createStatement().executeQuery("select count(*) from audit_entry where actor like 'fuzz-%'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String abbreviate(String s) {
        return s == null ? "(no body)" : s.length() > 200 ? s.substring(0, 200) + "…(" + s.length() + " chars)" : s;
    }
}
