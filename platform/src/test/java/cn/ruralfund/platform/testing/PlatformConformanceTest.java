package cn.ruralfund.platform.testing;

import io.quarkus.test.common.http.TestHTTPResourceManager;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;

/**
 * What every service promises the engineer on call and the portal, tested once here and run in each
 * service by a {@code @QuarkusTest} subclass: readiness covers the database and Kafka; health and
 * metrics are served on the management port only (never through the API port the Ingress routes to);
 * OpenAPI and Swagger UI are served on the API port; an unknown path is a problem+json 404.
 */
public abstract class PlatformConformanceTest {

    /** {@code http://localhost:<management port>/q}: the port Prometheus and the kubelet probes use. */
    protected static String management() {
        return TestHTTPResourceManager.getManagementUri();
    }

    @Test
    void readinessChecksTheDatabaseAndKafka() {
        given().baseUri(management()).get("/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.status", everyItem(equalTo("UP")))
                .body("checks.name", hasItem(containsString("PostgreSQL")))
                .body("checks.name", hasItem(containsString("Kafka")));
        given().baseUri(management()).get("/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().baseUri(management()).get("/health/started").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsAndHealthAreOnTheManagementPortOnly() {
        given().baseUri(management()).get("/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
        given().get("/q/metrics").then().statusCode(404);
        given().get("/q/health/ready").then().statusCode(404);
    }

    @Test
    void openApiAndSwaggerUiAreServedOnTheApiPort() {
        given().get("/q/openapi").then().statusCode(200).body(containsString("openapi"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    /** A portal developer reads in the OpenAPI document that errors are problem+json, and which statuses a write can get. */
    @Test
    void openApiDocumentsTheProblemResponses() {
        io.restassured.path.json.JsonPath doc = given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        org.assertj.core.api.Assertions.assertThat(doc.getString("components.schemas.Problem.properties.type.format")).isEqualTo("uri");
        java.util.Map<String, java.util.Map<String, java.util.Map<String, Object>>> paths = doc.getMap("paths");
        paths.forEach((path, methods) -> methods.forEach((method, operation) -> {
            if (method.equals("post") || method.equals("put") || method.equals("delete")) {
                @SuppressWarnings("unchecked")
                java.util.Map<String, Object> responses = (java.util.Map<String, Object>) operation.get("responses");
                org.assertj.core.api.Assertions.assertThat(responses).as(method + " " + path).containsKeys("400", "401", "403", "409", "422");
            }
        }));
    }

    @Test
    void unknownPathIsAProblem() {
        given().get("/no/such/thing").then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://ruralfund.cn/problems/not-found"));
        // refused by the HTTP layer before any resource: still a problem
        given().urlEncodingEnabled(false).post("/disbursements/..%2F../approval").then()
                .statusCode(org.hamcrest.Matchers.both(org.hamcrest.Matchers.greaterThanOrEqualTo(400)).and(org.hamcrest.Matchers.lessThan(500)))
                .contentType("application/problem+json");
    }
}
