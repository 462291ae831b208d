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
import static cn.ruralfund.platform.testing.Money.number;

/** R12–R14 and R16: progress plans, the scheduled deviation check, notices, deadlines and disqualification, with an injected clock. */
@QuarkusTest
class SupervisionTest {

    static {
        cn.ruralfund.platform.testing.Money.exact();
    }

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
        return issue(b, kind, deadline, null);
    }

    static String issue(Built b, String kind, String deadline, Boolean serious) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("kind", kind, "reason", "进度严重滞后于进度计划表", "deadline", deadline));
        if (serious != null) {
            body.put("serious", serious);
        }
        return given().auth().oauth2(OFFICE).contentType(ContentType.JSON)
                .body(body)
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
                .body("[0].plannedPercent", number("60.0")).body("[0].actualPercent", number("10.0")).body("[0].gap", number("50.0"));
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
        JsonNode scoped = Fixtures.awaitEvent(PROJECT_TOPIC, b.code(), "cn.ruralfund.project.enterprise-disqualified.v2");
        assertThat(scoped.at("/data/rule").asText()).as("R12 is carried unchanged, never relabelled R11").isEqualTo("R12");
        assertThat(scoped.at("/data/recoverFrom/0").asText()).as("recovered where the failure happened").isEqualTo(b.project().toString());
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
                .body("$", hasSize(1)).body("[0].serious", equalTo(false)).body("[0].gap", number("15.0"));
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON)
                .body(Map.of("kind", "PROGRESS_DELAY", "reason", "滞后", "deadline", "2021-07-31"))
                .post("/projects/" + b.project() + "/notices").then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://ruralfund.cn/problems/r12-no-serious-delay"));
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON)
                .body(Map.of("kind", "INSPECTION", "reason", "x", "deadline", "2021-07-05", "serious", false))
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
    void R13_seriousFindingNotRectifiedByTheDeadlineDisqualifies() {
        Built b = projectWithApprovedPlan();
        today("2021-05-10");
        String notice = issue(b, "ACCIDENT", "2021-05-20", true);
        given().auth().oauth2(OFFICE).get("/notices/" + notice).then().body("serious", equalTo(true)).body("disqualifiesWhenExpired", equalTo(true));
        today("2021-05-21");
        check();
        given().auth().oauth2(OFFICE).get("/projects/" + b.project()).then().body("status", equalTo("DISQUALIFIED"))
                .body("statusReason", containsString("R13"));
        JsonNode disqualified = Fixtures.awaitEvent(PROJECT_TOPIC, b.code(), "cn.ruralfund.project.enterprise-disqualified.v2");
        assertThat(disqualified.at("/data/rule").asText()).isEqualTo("R13");
    }

    /** R13: accountability always (the notice expires, publicly), disqualification only when the finding is serious. */
    @Test
    void R13_minorFindingNotRectifiedExpiresWithoutDisqualification() {
        Built b = projectWithApprovedPlan();
        today("2021-05-10");
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON)
                .body(Map.of("kind", "INSPECTION", "reason", "消防通道堆放杂物", "deadline", "2021-05-20"))
                .post("/projects/" + b.project() + "/notices").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://ruralfund.cn/problems/r13-severity"));
        String notice = issue(b, "INSPECTION", "2021-05-20", false);
        today("2021-05-21");
        check();
        given().auth().oauth2(OFFICE).get("/notices/" + notice).then().body("status", equalTo("EXPIRED"))
                .body("disqualifiesWhenExpired", equalTo(false));
        given().auth().oauth2(OFFICE).get("/projects/" + b.project()).then().body("status", equalTo("BUDGET_PENDING"));
        JsonNode closed = Fixtures.awaitEvent(PROJECT_TOPIC, b.project().toString(), "cn.ruralfund.project.rectification-closed.v1");
        assertThat(closed.at("/data/outcome").asText()).isEqualTo("EXPIRED");
        assertThat(Events.all(PROJECT_TOPIC, r -> b.code().equals(r.key()) && r.value().contains("enterprise-disqualified"), Duration.ofSeconds(2)))
                .isEmpty();
    }

    /** R12: the delay behind a notice is made up before the deadline; the notice is closed as rectified and cannot expire. */
    @Test
    void R12_noticeWhoseDelayWasMadeUpIsClosedAndCannotDisqualify() {
        Built b = projectWithApprovedPlan();
        today("2021-07-05");
        check(); // 60% planned, nothing reported: serious deviation
        String notice = issue(b, "PROGRESS_DELAY", "2021-07-31");
        today("2021-07-20");
        report(b, "2021-07-20", 65);
        check();
        given().auth().oauth2(OFFICE).get("/notices/" + notice).then().body("status", equalTo("CLOSED"))
                .body("closedBy", equalTo("system:supervision")).body("remark", containsString("cause resolved"));
        JsonNode closed = Fixtures.awaitEvent(PROJECT_TOPIC, b.project().toString(), "cn.ruralfund.project.rectification-closed.v1");
        assertThat(closed.at("/data/outcome").asText()).isEqualTo("RECTIFIED");
        today("2021-08-02");
        check();
        given().auth().oauth2(OFFICE).get("/projects/" + b.project()).then().body("status", equalTo("BUDGET_PENDING"));
        given().auth().oauth2(OFFICE).get("/notices/" + notice).then().body("status", equalTo("CLOSED"));
    }

    /** Two replicas run the deadline check at the same moment: the expired notice disqualifies once. */
    @Test
    void R12_concurrentSupervisionRunsExpireANoticeOnce() throws Exception {
        Built b = projectWithApprovedPlan();
        today("2021-07-05");
        check();
        String notice = issue(b, "PROGRESS_DELAY", "2021-07-31");
        today("2021-08-01");
        List<java.util.concurrent.CompletableFuture<SupervisionService.CheckResult>> runs = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            runs.add(supervision.runChecks().subscribeAsCompletionStage());
        }
        int disqualified = 0;
        for (var run : runs) {
            disqualified += run.get(60, java.util.concurrent.TimeUnit.SECONDS).projectsDisqualified();
        }
        assertThat(disqualified).isEqualTo(1);
        given().auth().oauth2(OFFICE).get("/notices/" + notice).then().body("status", equalTo("EXPIRED"));
        assertThat(Events.all(PROJECT_TOPIC, r -> b.code().equals(r.key()) && r.value().contains("enterprise-disqualified.v2"), Duration.ofSeconds(3)))
                .hasSize(1);
    }

    /** R14: the three outcomes of a performance evaluation, each with its evidence and its consequence. */
    @Test
    void R14_performanceEvaluationMetPostponesOrIssuesANoticeThatDisqualifies() {
        Built b = projectWithApprovedPlan();
        today("2021-09-01");
        String base = "/projects/" + b.project() + "/performance-evaluations";
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(Map.of("outcome", "MET", "evidence", "绩效目标表逐项核对"))
                .post(base).then().statusCode(201).body("outcome", equalTo("MET"));
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(Map.of("outcome", "PARTIALLY_MET", "evidence", "x"))
                .post(base).then().statusCode(400).body("type", equalTo("https://ruralfund.cn/problems/r14-postponement"));
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON)
                .body(Map.of("outcome", "PARTIALLY_MET", "evidence", "冷链库容未达标", "acceptancePostponedTo", "2021-11-30"))
                .post(base).then().statusCode(201).body("acceptancePostponedTo", equalTo("2021-11-30"));
        given().auth().oauth2(Tokens.enterprise(b.code())).contentType(ContentType.JSON).body(Map.of("outcome", "MET", "evidence", "自评"))
                .post(base).then().statusCode(403);
        String noticeId = given().auth().oauth2(OFFICE).contentType(ContentType.JSON)
                .body(Map.of("outcome", "NOT_MET", "evidence", "带动就业人数远低于目标", "noticeReason", "绩效目标明显未达到", "noticeDeadline", "2021-09-30"))
                .post(base).then().statusCode(201).extract().path("noticeId");
        JsonNode evaluated = Fixtures.awaitEvent(PROJECT_TOPIC, b.project().toString(), "cn.ruralfund.project.performance-evaluated.v1");
        assertThat(evaluated.at("/data/evidence").asText()).isNotBlank();
        given().auth().oauth2(OFFICE).get("/notices/" + noticeId).then().body("kind", equalTo("PERFORMANCE")).body("rule", equalTo("R14"));
        given().auth().oauth2(Tokens.of("AUDITOR")).get(base).then().body("outcome", hasItems("MET", "PARTIALLY_MET", "NOT_MET"));
        today("2021-10-01");
        check();
        given().auth().oauth2(OFFICE).get("/projects/" + b.project()).then().body("status", equalTo("DISQUALIFIED"));
        JsonNode disqualified = Fixtures.awaitEvent(PROJECT_TOPIC, b.code(), "cn.ruralfund.project.enterprise-disqualified.v2");
        assertThat(disqualified.at("/data/rule").asText()).isEqualTo("R14");
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
