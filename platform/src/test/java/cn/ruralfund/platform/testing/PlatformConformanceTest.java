package cn.ruralfund.platform.testing;

import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;

/**
 * What every service promises the engineer on call and the portal, tested once here and run in each
 * service by a {@code @QuarkusTest} subclass: readiness covers the database and Kafka; metrics,
 * OpenAPI and Swagger UI are served; an unknown path is a problem+json 404.
 */
public abstract class PlatformConformanceTest {

    @Test
    void readinessChecksTheDatabaseAndKafka() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.status", everyItem(equalTo("UP")))
                .body("checks.name", hasItem(containsString("PostgreSQL")))
                .body("checks.name", hasItem(containsString("Kafka")));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void prometheusMetricsOpenApiAndSwaggerUiAreServed() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("openapi"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void unknownPathIsAProblem() {
        given().get("/no/such/thing").then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://ruralfund.cn/problems/not-found"));
    }
}
