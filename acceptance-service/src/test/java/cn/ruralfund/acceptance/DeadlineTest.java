package cn.ruralfund.acceptance;

import cn.ruralfund.acceptance.service.DeadlineService;
import cn.ruralfund.platform.contracts.EnterpriseDisqualifiedV1;
import cn.ruralfund.platform.events.Topics;
import cn.ruralfund.platform.testing.Events;
import cn.ruralfund.platform.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.ruralfund.acceptance.Fixtures.OFFICE;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** R8 acceptance deadlines (a scheduled check with an injected clock), R14 postponements and disqualification, over the real broker. */
@QuarkusTest
class DeadlineTest {

    @Inject
    DeadlineService deadlines;

    @Inject
    io.micrometer.core.instrument.MeterRegistry registry;

    DeadlineService.CheckResult check(String today) {
        Fixtures.today(today);
        return deadlines.runCheck().await().atMost(Duration.ofSeconds(60));
    }

    @Test
    void R8_deadlinePassedWithoutAPassPublishesAFail() throws Exception {
        Fixtures.today("2022-06-01");
        String enterprise = Fixtures.creditCode();
        UUID project = Fixtures.project(Fixtures.program(YearMonth.of(2022, 12)), enterprise);
        UUID application = Fixtures.apply(enterprise, project);

        assertThat(check("2022-12-31").failed()).doesNotContain(project); // the deadline day itself is still in time
        assertThat(check("2023-01-01").failed()).contains(project);

        ConsumerRecord<String, String> r = Events.awaitRecord(Topics.ACCEPTANCE, x -> project.toString().equals(x.key())
                && x.value().contains("acceptance-concluded"), Duration.ofSeconds(60));
        JsonNode event = new ObjectMapper().readTree(r.value());
        assertThat(event.path("type").asText()).isEqualTo("cn.ruralfund.acceptance.acceptance-concluded.v1");
        assertThat(event.path("data").path("conclusion").asText()).isEqualTo("FAIL");
        assertThat(event.path("data").path("reason").asText()).isEqualTo("DEADLINE_MISSED");
        given().auth().oauth2(OFFICE).get("/projects/" + project).then().body("acceptance", equalTo("FAIL"))
                .body("acceptanceReason", equalTo("DEADLINE_MISSED"));
        given().auth().oauth2(OFFICE).get("/applications/" + application).then().body("application.status", equalTo("FAILED"));

        // decided once: the next run does not fail it again; no new application after the deadline
        assertThat(check("2023-01-02").failed()).doesNotContain(project);
        assertThat(Events.all(Topics.ACCEPTANCE, x -> project.toString().equals(x.key()), Duration.ofSeconds(3))).hasSize(1);
        given().auth().oauth2(Tokens.enterprise(enterprise)).contentType(ContentType.JSON).body(Map.of("projectId", project))
                .post("/applications").then().statusCode(422).body("type", equalTo("https://ruralfund.cn/problems/r8-deadline-passed"));
    }

    @Test
    void R8_projectWithoutAnyApplicationFailsToo_andAPassedOneDoesNot_andTheGaugesCountThem() {
        Fixtures.today("2022-06-01");
        String idle = Fixtures.creditCode();
        UUID idleProject = Fixtures.project(Fixtures.program(YearMonth.of(2022, 12)), idle);
        String done = Fixtures.creditCode();
        UUID doneProject = Fixtures.project(Fixtures.program(YearMonth.of(2022, 12)), done);
        UUID application = Fixtures.completeApplication(done, doneProject);
        Fixtures.reviewed(application);
        Fixtures.conclude(application, "PASS").statusCode(200);

        List<UUID> failed = check("2023-01-01").failed();
        assertThat(failed).contains(idleProject).doesNotContain(doneProject);
        // the dashboard's gauges count them from the database
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(registry.get("ruralfund_acceptance_projects").tags("acceptance", "FAIL", "reason", "DEADLINE_MISSED").gauge().value()).isGreaterThanOrEqualTo(1);
            assertThat(registry.get("ruralfund_acceptance_applications").tag("status", "PASSED").gauge().value()).isGreaterThanOrEqualTo(1);
        });
        given().auth().oauth2(Tokens.enterprise(idle)).get("/applications").then().body("[0].conclusionReason", equalTo("DEADLINE_MISSED"));
    }

    @Test
    void R14_postponementMovesTheDeadline() {
        Fixtures.today("2022-11-01");
        String enterprise = Fixtures.creditCode();
        UUID project = Fixtures.project(Fixtures.program(YearMonth.of(2022, 12)), enterprise);

        // only the office, only later, only in the future
        postpone(Tokens.enterprise(enterprise), project, "2023-06-30").statusCode(403);
        postpone(OFFICE, project, "2022-12-31").statusCode(422).body("type", equalTo("https://ruralfund.cn/problems/r14-postponement-not-later"));
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(Map.of("newDeadline", "2023-06-30"))
                .post("/projects/" + project + "/postponements").then().statusCode(400).contentType("application/problem+json");
        postpone(OFFICE, project, "2023-06-30").statusCode(200).body("deadline", equalTo("2023-06-30"));
        given().auth().oauth2(Tokens.enterprise(enterprise)).get("/projects/" + project + "/postponements").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].fromDeadline", equalTo("2022-12-31")).body("[0].toDeadline", equalTo("2023-06-30"))
                .body("[0].reason", equalTo("绩效目标未完全达到，加快建设，推迟验收"));

        assertThat(check("2023-01-01").failed()).doesNotContain(project);
        Fixtures.apply(enterprise, project); // still in time
        assertThat(check("2023-07-01").failed()).contains(project);
    }

    @Test
    void disqualifiedEnterpriseTakesNoApplicationAndIsNotFailedTwice() {
        Fixtures.today("2022-06-01");
        String enterprise = Fixtures.creditCode();
        UUID project = Fixtures.project(Fixtures.program(YearMonth.of(2022, 12)), enterprise);
        UUID application = Fixtures.apply(enterprise, project);
        Events.send(EnterpriseDisqualifiedV1.TYPE, enterprise, new EnterpriseDisqualifiedV1(enterprise, "某公司", "R12", "整改逾期",
                List.of(), OffsetDateTime.now()));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(OFFICE).get("/applications/" + application)
                .then().body("application.status", equalTo("CLOSED")).body("project.disqualified", equalTo(true)));
        given().auth().oauth2(Tokens.enterprise(enterprise)).contentType(ContentType.JSON).body(Map.of("projectId", project))
                .post("/applications").then().statusCode(422).body("type", equalTo("https://ruralfund.cn/problems/r11-disqualified"));
        assertThat(check("2023-01-01").failed()).doesNotContain(project);
    }

    private static io.restassured.response.ValidatableResponse postpone(String token, UUID project, String date) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("newDeadline", date, "reason", "绩效目标未完全达到，加快建设，推迟验收"))
                .post("/projects/" + project + "/postponements").then();
    }
}
