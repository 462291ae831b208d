package cn.ruralfund.project;

import cn.ruralfund.platform.testing.Events;
import cn.ruralfund.platform.testing.Tokens;
import cn.ruralfund.platform.time.PlatformClock;
import cn.ruralfund.project.service.SupervisionService;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.ruralfund.project.Fixtures.OFFICE;
import static cn.ruralfund.project.Fixtures.PROJECT_TOPIC;
import static cn.ruralfund.project.Fixtures.REPORTING_TOPIC;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

/** R12–R14 and R16: progress plans, the scheduled deviation check, notices, deadlines and disqualification, with an injected clock. */
@QuarkusTest
class SupervisionTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Inject
    SupervisionService supervision;

    static void today(String date) {
        Clock fixed = Clock.fixed(LocalDate.parse(date).atTime(10, 0).atZone(ZONE).toInstant(), ZONE);
        QuarkusMock.installMockForType(PlatformClock.of(fixed), PlatformClock.class);
    }

    SupervisionService.CheckResult check() {
        return supervision.runChecks().await().atMost(Duration.ofSeconds(60));
    }

    record Built(String code, UUID project) {
    }

    /** A project of 2021 with an approved plan: 30% by 03-31, 30% more by 06-30, the last 40% by 12-31. */
    static Built projectWithApprovedPlan() {
        String code = Fixtures.creditCode();
        UUID project = Fixtures.project(Fixtures.awardedTender(Fixtures.program(), Fixtures.enterprise(code)));
        given().auth().oauth2(Tokens.enterprise(code)).contentType(ContentType.JSON)
                .body(Map.of("milestones", List.of(
                        Map.of("name", "选址与设计", "plannedDate", "2021-03-31", "weight", 30),
                        Map.of("name", "主体建成", "plannedDate", "2021-06-30", "weight", 30),
                        Map.of("name", "设备安装与试运行", "plannedDate", "2021-12-31", "weight", 40))))
                .put("/projects/" + project + "/plan").then().statusCode(200).body("status", equalTo("SUBMITTED"));
        given().auth().oauth2(OFFICE).post("/projects/" + project + "/plan/approval").then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("milestones", hasSize(3));
        return new Built(code, project);
    }

    static void report(Built b, String date, int percent) {
        given().auth().oauth2(Tokens.enterprise(b.code())).contentType(ContentType.JSON)
                .body(Map.of("reportedOn", date, "percentDone", percent, "evidence", "现场照片与监理月报 " + date))
                .post("/projects/" + b.project() + "/progress-reports").then().statusCode(201);
    }

    static String issue(Built b, String kind, String deadline) {
        return given().auth().oauth2(OFFICE).contentType(ContentType.JSON)
                .body(Map.of("kind", kind, "reason", "进度严重滞后于进度计划表", "deadline", deadline))
                .post("/projects/" + b.project() + "/notices").then().statusCode(201)
                .body("status", equalTo("OPEN")).extract().path("id");
    }

    @Test
    void R12_seriousDelayGetsANoticeAndNotRectifiedByTheDeadlineDisqualifies() {
        Built b = projectWithApprovedPlan();
        today("2021-04-02");
        report(b, "2021-04-01", 10);
        JsonNode reported = Fixtures.awaitEvent(PROJECT_TOPIC, b.project().toString(), "cn.ruralfund.project.progress-reported.v1");
        assertThat(reported.at("/data/percentDone").decimalValue()).isEqualByComparingTo("10");

        today("2021-07-05");
        check();
        given().auth().oauth2(Tokens.enterprise(b.code())).get("/projects/" + b.project() + "/deviations").then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].status", equalTo("OPEN")).body("[0].serious", equalTo(true))
                .body("[0].plannedPercent", equalTo(60.0f)).body("[0].actualPercent", equalTo(10.0f)).body("[0].gap", equalTo(50.0f));
        JsonNode deviation = Fixtures.awaitEvent(PROJECT_TOPIC, b.project().toString(), "cn.ruralfund.project.deviation-detected.v1");
        assertThat(deviation.at("/data/serious").asBoolean()).isTrue();
        check(); // a second run raises no second deviation
        given().auth().oauth2(OFFICE).get("/projects/" + b.project() + "/deviations").then().body("$", hasSize(1));

        String notice = issue(b, "PROGRESS_DELAY", "2021-07-31");
        JsonNode issued = Fixtures.awaitEvent(PROJECT_TOPIC, b.project().toString(), "cn.ruralfund.project.rectification-issued.v1");
        assertThat(issued.at("/data/rule").asText()).isEqualTo("R12");
        assertThat(issued.at("/data/deadline").asText()).isEqualTo("2021-07-31");

        today("2021-07-31");
        check(); // the deadline day itself is still in time
        given().auth().oauth2(OFFICE).get("/notices/" + notice).then().body("status", equalTo("OPEN"));

        today("2021-08-01");
        check();
        given().auth().oauth2(Tokens.enterprise(b.code())).get("/notices/" + notice).then().statusCode(200).body("status", equalTo("EXPIRED"));
        given().auth().oauth2(OFFICE).get("/projects/" + b.project()).then()
                .body("status", equalTo("DISQUALIFIED")).body("statusReason", containsString("R12"));
        JsonNode disqualified = Fixtures.awaitEvent(PROJECT_TOPIC, b.code(), "cn.ruralfund.project.enterprise-disqualified.v1");
        assertThat(disqualified.at("/data/rule").asText()).isEqualTo("R12");
        assertThat(disqualified.at("/data/projectIds/0").asText()).isEqualTo(b.project().toString());
        JsonNode closed = Fixtures.awaitEvent(PROJECT_TOPIC, b.project().toString(), "cn.ruralfund.project.rectification-closed.v1");
        assertThat(closed.at("/data/outcome").asText()).isEqualTo("EXPIRED");

        // the office can no longer close it, and the enterprise no longer reports on the project
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(Map.of("remark", "late")).post("/notices/" + notice + "/closure")
                .then().statusCode(409).body("type", equalTo("https://ruralfund.cn/problems/notice-not-open"));
        given().auth().oauth2(Tokens.enterprise(b.code())).contentType(ContentType.JSON)
                .body(Map.of("reportedOn", "2021-08-01", "percentDone", 90, "evidence", "x"))
                .post("/projects/" + b.project() + "/progress-reports").then().statusCode(409)
                .body("type", equalTo("https://ruralfund.cn/problems/project-not-active"));
        given().auth().oauth2(Tokens.of("AUDITOR")).get("/projects/" + b.project() + "/history").then().statusCode(200)
                .body("action", hasItems("project.registered", "plan.submitted", "plan.approved", "progress.reported",
                        "deviation.detected", "notice.issued", "notice.expired", "project.disqualified"));
    }

    @Test
    void R12_noticeAnsweredAndClosedByTheDeadlineKeepsTheProject() {
        Built b = projectWithApprovedPlan();
        today("2021-07-05");
        check();
        String notice = issue(b, "PROGRESS_DELAY", "2021-07-31");

        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(Map.of()).post("/notices/" + notice + "/closure")
                .then().statusCode(409).body("type", equalTo("https://ruralfund.cn/problems/notice-not-answered"));
        given().auth().oauth2(Tokens.enterprise(Fixtures.creditCode())).contentType(ContentType.JSON)
                .body(Map.of("causes", "x", "measures", "y")).post("/notices/" + notice + "/response").then().statusCode(403);
        given().auth().oauth2(Tokens.enterprise(b.code())).contentType(ContentType.JSON)
                .body(Map.of("causes", "雨季施工受阻", "measures", "增加施工班组，两班倒")).post("/notices/" + notice + "/response")
                .then().statusCode(200).body("causes", equalTo("雨季施工受阻"));
        today("2021-07-20");
        report(b, "2021-07-20", 65);
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(Map.of("remark", "整改到位")).post("/notices/" + notice + "/closure")
                .then().statusCode(200).body("status", equalTo("CLOSED"));
        JsonNode closed = Fixtures.awaitEvent(PROJECT_TOPIC, b.project().toString(), "cn.ruralfund.project.rectification-closed.v1");
        assertThat(closed.at("/data/outcome").asText()).isEqualTo("RECTIFIED");

        today("2021-08-02");
        check();
        given().auth().oauth2(OFFICE).get("/projects/" + b.project()).then().body("status", equalTo("BUDGET_PENDING"));
        given().auth().oauth2(OFFICE).get("/projects/" + b.project() + "/deviations").then()
                .body("[0].status", equalTo("RESOLVED"));
    }

    @Test
    void R12_smallDeviationIsNotSeriousAndGetsNoRectificationNotice() {
        Built b = projectWithApprovedPlan();
        today("2021-07-05");
        report(b, "2021-07-01", 45);
        check();
        given().auth().oauth2(OFFICE).get("/projects/" + b.project() + "/deviations").then()
                .body("$", hasSize(1)).body("[0].serious", equalTo(false)).body("[0].gap", equalTo(15.0f));
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON)
                .body(Map.of("kind", "PROGRESS_DELAY", "reason", "滞后", "deadline", "2021-07-31"))
                .post("/projects/" + b.project() + "/notices").then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://ruralfund.cn/problems/r12-no-serious-delay"));
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON)
                .body(Map.of("kind", "INSPECTION", "reason", "x", "deadline", "2021-07-05"))
                .post("/projects/" + b.project() + "/notices").then().statusCode(422)
                .body("type", equalTo("https://ruralfund.cn/problems/deadline-not-in-future"));
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON)
                .body(Map.of("kind", "GOSSIP", "reason", "x", "deadline", "2021-08-05"))
                .post("/projects/" + b.project() + "/notices").then().statusCode(400)
                .body("type", equalTo("https://ruralfund.cn/problems/unknown-notice-kind"));
        given().auth().oauth2(OFFICE).get("/projects/" + b.project() + "/notices").then().body("$", hasSize(0));

        // the enterprise explains the deviation: causes and remedial measures (R12)
        String deviation = given().auth().oauth2(OFFICE).get("/projects/" + b.project() + "/deviations").path("[0].id");
        given().auth().oauth2(Tokens.enterprise(Fixtures.creditCode())).contentType(ContentType.JSON)
                .body(Map.of("causes", "x", "measures", "y"))
                .post("/projects/" + b.project() + "/deviations/" + deviation + "/explanation").then().statusCode(403);
        given().auth().oauth2(Tokens.enterprise(b.code())).contentType(ContentType.JSON)
                .body(Map.of("causes", "设备到货延迟", "measures", "更换供应商，七月底前完成安装"))
                .post("/projects/" + b.project() + "/deviations/" + deviation + "/explanation").then().statusCode(200)
                .body("causes", equalTo("设备到货延迟"));
        given().auth().oauth2(Tokens.of("AUDITOR")).get("/projects/" + b.project() + "/history").then()
                .body("action", hasItems("deviation.detected", "deviation.explained"));
    }

    @Test
    void R13_inspectionNoticeNotRectifiedByTheDeadlineDisqualifies() {
        Built b = projectWithApprovedPlan();
        today("2021-05-10");
        issue(b, "INSPECTION", "2021-05-20");
        today("2021-05-21");
        check();
        given().auth().oauth2(OFFICE).get("/projects/" + b.project()).then().body("status", equalTo("DISQUALIFIED"))
                .body("statusReason", containsString("R13"));
        JsonNode disqualified = Fixtures.awaitEvent(PROJECT_TOPIC, b.code(), "cn.ruralfund.project.enterprise-disqualified.v1");
        assertThat(disqualified.at("/data/rule").asText()).isEqualTo("R13");
    }

    @Test
    void R12_planIsSetByTheEnterpriseWithWeightsOf100AndFrozenOnceApproved() {
        String code = Fixtures.creditCode();
        UUID project = Fixtures.project(Fixtures.awardedTender(Fixtures.program(), Fixtures.enterprise(code)));
        String token = Tokens.enterprise(code);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("milestones", List.of(Map.of("name", "a", "plannedDate", "2021-03-31", "weight", 50),
                        Map.of("name", "b", "plannedDate", "2021-06-30", "weight", 40))))
                .put("/projects/" + project + "/plan").then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://ruralfund.cn/problems/plan-weights-not-100"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("milestones", List.of(Map.of("name", "a", "plannedDate", "2022-03-31", "weight", 100))))
                .put("/projects/" + project + "/plan").then().statusCode(422)
                .body("type", equalTo("https://ruralfund.cn/problems/milestone-outside-project"));
        given().auth().oauth2(OFFICE).post("/projects/" + project + "/plan/approval").then().statusCode(409)
                .body("type", equalTo("https://ruralfund.cn/problems/plan-not-submitted"));
        given().auth().oauth2(OFFICE).get("/projects/" + project + "/plan").then().body("status", equalTo("NONE")).body("milestones", hasSize(0));

        Map<String, Object> plan = Map.of("milestones", List.of(Map.of("name", "a", "plannedDate", "2021-03-31", "weight", 50.5),
                Map.of("name", "b", "plannedDate", "2021-06-30", "weight", 49.5)));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(plan).put("/projects/" + project + "/plan").then().statusCode(200);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(plan).put("/projects/" + project + "/plan").then().statusCode(200)
                .body("milestones", hasSize(2));
        given().auth().oauth2(OFFICE).post("/projects/" + project + "/plan/approval").then().statusCode(200);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(plan).put("/projects/" + project + "/plan").then().statusCode(409)
                .body("type", equalTo("https://ruralfund.cn/problems/plan-already-approved"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("reportedOn", LocalDate.now(ZONE).plusDays(2).toString(), "percentDone", 10, "evidence", "x"))
                .post("/projects/" + project + "/progress-reports").then().statusCode(422)
                .body("type", equalTo("https://ruralfund.cn/problems/report-in-future"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("reportedOn", "2021-02-01", "percentDone", 100.001, "evidence", "x"))
                .post("/projects/" + project + "/progress-reports").then().statusCode(400)
                .body("type", equalTo("https://ruralfund.cn/problems/invalid-fields"));
        given().auth().oauth2(OFFICE).get("/projects/" + project + "/progress-reports").then().body("$", hasSize(0));
    }

    @Test
    void R16_overdueSalesReportBecomesANoticeOnceAndExpiresWithoutDisqualifying() {
        String code = Fixtures.creditCode();
        UUID project = Fixtures.project(Fixtures.awardedTender(Fixtures.program(), Fixtures.enterprise(code)));
        String eventId = UUID.randomUUID().toString();
        String overdue = Events.cloudEvent(eventId, "cn.ruralfund.reporting.report-overdue.v1", code,
                Map.of("enterpriseCreditCode", code, "period", "2021-03", "dueOn", "2021-04-10", "projectId", project));
        Events.send(REPORTING_TOPIC, code, overdue);
        Events.send(REPORTING_TOPIC, code, overdue); // redelivered: applied once

        String token = Tokens.enterprise(code);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(token).get("/notices").then().statusCode(200)
                .body("$", hasSize(1)).body("[0].kind", equalTo("DATA_REPORTING")).body("[0].rule", equalTo("R16"))
                .body("[0].projectId", equalTo(project.toString())).body("[0].reason", containsString("2021-03")));
        JsonNode issued = Fixtures.awaitEvent(PROJECT_TOPIC, project.toString(), "cn.ruralfund.project.rectification-issued.v1");
        assertThat(issued.at("/data/kind").asText()).isEqualTo("DATA_REPORTING");
        // another enterprise does not see it
        given().auth().oauth2(Tokens.enterprise(Fixtures.creditCode())).get("/notices").then().statusCode(403);

        String deadline = given().auth().oauth2(token).get("/notices").path("[0].deadline");
        today(LocalDate.parse(deadline).plusDays(1).toString());
        check();
        given().auth().oauth2(token).get("/notices").then().body("[0].status", equalTo("EXPIRED"));
        given().auth().oauth2(OFFICE).get("/projects/" + project).then().body("status", equalTo("BUDGET_PENDING"));
        await().atMost(Duration.ofSeconds(5)).pollDelay(Duration.ofSeconds(1)).untilAsserted(() -> assertThat(
                Events.all(PROJECT_TOPIC, r -> code.equals(r.key()) && r.value().contains("enterprise-disqualified"), Duration.ofSeconds(2))).isEmpty());
    }
}
