package cn.ruralfund.reporting;

import cn.ruralfund.platform.events.Topics;
import cn.ruralfund.platform.testing.CloudEventsConformanceTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import java.util.Map;

import static cn.ruralfund.reporting.Fixtures.OFFICE;
import static io.restassured.RestAssured.given;

/**
 * Every event on reporting-service's topic, read with the official CloudEvents SDK: its own report-overdue events.
 * The machine feed of sales records shares the topic, and later test classes put deliberately broken records on it
 * (to prove they are dead-lettered); Quarkus runs test classes in name order, so this class is named to run first.
 */
@QuarkusTest
class CloudEventsPublishedTest extends CloudEventsConformanceTest {

    @Override
    protected String topic() {
        return Topics.REPORTING;
    }

    @Override
    protected void publishSomething() {
        String enterprise = Fixtures.creditCode(); // owes January 2021's report, never sent: overdue by today's date
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(Map.of("enterpriseCreditCode", enterprise,
                "firstPeriod", "2021-01", "lastPeriod", "2021-01", "dueDay", 10)).post("/reporting-obligations").then().statusCode(201);
        given().auth().oauth2(OFFICE).post("/reporting-obligations/check").then().statusCode(200);
    }
}
