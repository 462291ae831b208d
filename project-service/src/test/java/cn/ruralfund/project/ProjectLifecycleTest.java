package cn.ruralfund.project;

import cn.ruralfund.platform.testing.Events;
import cn.ruralfund.platform.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.ruralfund.project.Fixtures.BUDGET_TOPIC;
import static cn.ruralfund.project.Fixtures.OFFICE;
import static cn.ruralfund.project.Fixtures.PROJECT_TOPIC;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static cn.ruralfund.platform.testing.Money.yuan;

@QuarkusTest
class ProjectLifecycleTest {

    static {
        cn.ruralfund.platform.testing.Money.exact();
    }

    @Test
    void F5_R20_registrationPublishesProjectRegisteredWithTaskModeAndFundAccount() {
        var program = Fixtures.program();
        String code = Fixtures.creditCode();
        UUID enterprise = Fixtures.enterprise(code);
        UUID tender = Fixtures.awardedTender(program, enterprise);
        UUID project = Fixtures.project(tender);

        given().auth().oauth2(Tokens.of("FINANCE")).get("/projects/" + project).then().statusCode(200)
                .body("status", equalTo("BUDGET_PENDING"))
                .body("enterpriseCreditCode", equalTo(code))
                .body("buildFirstSubsidiseAfter", equalTo(true))
                .body("responsibleUnits", hasItems("市商务局", "市农业农村局"))
                .body("budget", yuan("600000.00"));

        JsonNode event = Fixtures.awaitEvent(PROJECT_TOPIC, project.toString(), "cn.ruralfund.project.project-registered.v1");
        assertThat(event.at("/data/programId").asText()).isEqualTo(program.programId().toString());
        assertThat(event.at("/data/directionId").asText()).isEqualTo(program.directionId().toString());
        assertThat(event.at("/data/buildFirstSubsidiseAfter").asBoolean()).isTrue();
        assertThat(event.at("/data/enterpriseCreditCode").asText()).isEqualTo(code);
        assertThat(event.at("/data/budget").decimalValue()).isEqualByComparingTo("600000.00");
        assertThat(event.at("/data/dedicatedAccount/bankName").asText()).isEqualTo("中国农业银行景洪市支行");
    }

    @Test
    void BudgetRefused_projectShowsRefusedStateWithTheReason() {
        var program = Fixtures.program();
        UUID project = Fixtures.project(Fixtures.awardedTender(program, Fixtures.enterprise(Fixtures.creditCode())));

        Fixtures.send(BUDGET_TOPIC, "cn.ruralfund.budget.budget-refused.v1", project.toString(), Map.of(
                "projectId", project, "programId", program.programId(), "directionId", program.directionId(),
                "requested", 600000.00, "remaining", 100000.00,
                "problemType", "https://ruralfund.cn/problems/direction-allocation-exceeded",
                "reason", "the direction has only 100000.00 left"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(OFFICE).get("/projects/" + project)
                .then().statusCode(200)
                .body("status", equalTo("REFUSED"))
                .body("statusReason", containsString("only 100000.00 left")));
        given().auth().oauth2(Tokens.of("AUDITOR")).get("/projects/" + project + "/history").then().statusCode(200)
                .body("action", hasItems("project.registered", "project.budget-refused"))
                .body("actor", hasItem("event:/ruralfund/test"));
        // a refused project takes no progress plan
        given().auth().oauth2(Tokens.enterprise(given().auth().oauth2(OFFICE).get("/projects/" + project).path("enterpriseCreditCode")))
                .contentType(ContentType.JSON).body(Map.of("milestones", List.of(Map.of("name", "建成", "plannedDate", "2021-06-30", "weight", 100))))
                .put("/projects/" + project + "/plan").then().statusCode(409)
                .body("type", equalTo("https://ruralfund.cn/problems/project-not-active"));
    }

    @Test
    void BudgetCommitted_projectBecomesActive() {
        var program = Fixtures.program();
        UUID project = Fixtures.project(Fixtures.awardedTender(program, Fixtures.enterprise(Fixtures.creditCode())));
        Fixtures.send(BUDGET_TOPIC, "cn.ruralfund.budget.budget-committed.v1", project.toString(), Map.of(
                "projectId", project, "programId", program.programId(), "directionId", program.directionId(),
                "enterpriseCreditCode", "x", "committed", 600000.00, "change", 600000.00, "revision", 1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(OFFICE).get("/projects/" + project)
                .then().statusCode(200).body("status", equalTo("ACTIVE")));
    }

    @Test
    void duplicateRegistrationOfTheSameAwardIs409AndNothingIsWritten() {
        var program = Fixtures.program();
        UUID tender = Fixtures.awardedTender(program, Fixtures.enterprise(Fixtures.creditCode()));
        Fixtures.project(tender);
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(Fixtures.projectBody(tender, "2021-02-01", "2021-11-30"))
                .post("/projects").then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://ruralfund.cn/problems/duplicate-project"));
        given().auth().oauth2(OFFICE).get("/projects").then().statusCode(200)
                .body("findAll { it.tenderId == '" + tender + "' }.size()", equalTo(1));
    }

    @Test
    void concurrentDuplicateRegistrationsGiveOne201AndOne409() throws Exception {
        var program = Fixtures.program();
        UUID tender = Fixtures.awardedTender(program, Fixtures.enterprise(Fixtures.creditCode()));
        var body = Fixtures.projectBody(tender, "2021-01-01", "2021-12-31");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var calls = List.of(pool.submit(() -> given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(body).post("/projects").statusCode()),
                    pool.submit(() -> given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(body).post("/projects").statusCode()));
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var call : calls) {
                statuses.add(call.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        } finally {
            pool.shutdown();
        }
        given().auth().oauth2(OFFICE).get("/projects").then().body("findAll { it.tenderId == '" + tender + "' }.size()", equalTo(1));
    }

    @Test
    void R17_tenderAwardIsPublished() {
        var program = Fixtures.program();
        String code = Fixtures.creditCode();
        UUID winner = Fixtures.enterprise(code);
        UUID other = Fixtures.enterprise(Fixtures.creditCode());
        UUID tender = Fixtures.openTender(Fixtures.task(program, false));
        Fixtures.bid(tender, other, "900000.00");
        UUID bid = Fixtures.bid(tender, winner, "850000.50");
        Fixtures.award(tender, bid);

        given().auth().oauth2(OFFICE).get("/tenders/" + tender).then().statusCode(200)
                .body("status", equalTo("AWARDED")).body("award.enterpriseId", equalTo(winner.toString()))
                .body("bids.size()", equalTo(2));
        JsonNode event = Fixtures.awaitEvent(PROJECT_TOPIC, tender.toString(), "cn.ruralfund.project.tender-awarded.v1");
        assertThat(event.at("/data/enterpriseCreditCode").asText()).isEqualTo(code);
        assertThat(event.at("/data/amount").decimalValue()).isEqualByComparingTo("850000.50");
        assertThat(event.at("/data/bids").asInt()).isEqualTo(2);

        // awarded once only; no more bids
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON)
                .body(Map.of("bidId", bid, "awardDate", "2020-12-21", "awardReference", "again")).post("/tenders/" + tender + "/award")
                .then().statusCode(409).body("type", equalTo("https://ruralfund.cn/problems/tender-already-awarded"));
        given().auth().oauth2(Tokens.enterprise(Fixtures.creditCode())).contentType(ContentType.JSON).body(Map.of("amount", 1))
                .post("/tenders/" + tender + "/bids").then().statusCode(403);
    }

    /** Twenty officials award one tender at the same moment, to different bids: one award, one event, the rest 409. */
    @Test
    void R17_concurrentAwardsOfOneTenderMakeOneAward() throws Exception {
        var program = Fixtures.program();
        UUID tender = Fixtures.openTender(Fixtures.task(program, false));
        List<UUID> bids = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            bids.add(Fixtures.bid(tender, Fixtures.enterprise(Fixtures.creditCode()), (800000 + i) + ".00"));
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(20);
        try {
            List<java.util.concurrent.Callable<Integer>> calls = new java.util.ArrayList<>();
            for (UUID bid : bids) {
                calls.add(() -> given().auth().oauth2(OFFICE).contentType(ContentType.JSON)
                        .body(Map.of("bidId", bid, "awardDate", "2020-12-20", "awardReference", "ZBTZ-" + bid))
                        .post("/tenders/" + tender + "/award").statusCode());
            }
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
            assertThat(statuses).filteredOn(s -> s == 409).hasSize(19);
        } finally {
            pool.shutdown();
        }
        assertThat(Events.all(PROJECT_TOPIC, r -> tender.toString().equals(r.key()) && r.value().contains("tender-awarded"), Duration.ofSeconds(3)))
                .as("one tender-awarded event").hasSize(1);
    }

    /** R1, 不重复建设: a second project of the same task in the same township is flagged with the first one named. */
    @Test
    void R1_duplicateConstructionInOneTownshipIsFlaggedWithTheFirstProject() {
        var program = Fixtures.program();
        UUID task = Fixtures.task(program, false);
        UUID[] tenders = new UUID[3];
        for (int i = 0; i < 3; i++) {
            tenders[i] = Fixtures.openTender(task);
            Fixtures.award(tenders[i], Fixtures.bid(tenders[i], Fixtures.enterprise(Fixtures.creditCode()), "700000.00"));
        }
        UUID first = Fixtures.project(tenders[0]);
        UUID second = Fixtures.project(tenders[1]); // same task, same township (嘎洒镇)
        Map<String, Object> elsewhere = new HashMap<>(Fixtures.projectBody(tenders[2], "2021-01-01", "2021-12-31"));
        elsewhere.put("township", "勐罕镇");
        String third = given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(elsewhere).post("/projects").then().statusCode(201)
                .extract().path("id");
        given().auth().oauth2(OFFICE).get("/projects/" + first).then().body("duplicateConstructionOf", org.hamcrest.Matchers.nullValue());
        given().auth().oauth2(OFFICE).get("/projects/" + second).then().body("duplicateConstructionOf", equalTo(first.toString()));
        given().auth().oauth2(OFFICE).get("/projects/" + third).then().body("duplicateConstructionOf", org.hamcrest.Matchers.nullValue());
        given().auth().oauth2(Tokens.of("AUDITOR")).get("/projects/" + second + "/history").then()
                .body("action", hasItem("project.duplicate-construction-flagged"));
    }

    /** F5: every cap is computed from the budget, so a budget above the award is refused; at the award it is registered. */
    @Test
    void F5_budgetAboveTheTenderAwardIsRefused() {
        var program = Fixtures.program();
        UUID tender = Fixtures.awardedTender(program, Fixtures.enterprise(Fixtures.creditCode())); // awarded at 800,000.00
        Map<String, Object> body = new HashMap<>(Fixtures.projectBody(tender, "2021-01-01", "2021-12-31"));
        body.put("budget", new java.math.BigDecimal("800000.01"));
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(body).post("/projects").then().statusCode(422)
                .contentType("application/problem+json").body("type", equalTo("https://ruralfund.cn/problems/f5-budget-above-award"));
        given().auth().oauth2(OFFICE).get("/projects").then().body("tenderId", not(hasItem(tender.toString())));
        body.put("budget", new java.math.BigDecimal("800000.00"));
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(body).post("/projects").then().statusCode(201)
                .body("budget", yuan("800000.00"));
    }

    @Test
    void F2_taskUnderAnUnknownProgramDirectionIsRefused() {
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON)
                .body(Map.of("programId", UUID.randomUUID(), "directionId", UUID.randomUUID(), "name", "x", "category", "BRAND",
                        "buildFirstSubsidiseAfter", false, "responsibleUnits", List.of()))
                .post("/tasks").then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://ruralfund.cn/problems/unknown-program-direction"));
    }

    @Test
    void F3_projectOutsideTheProgramPeriodOrUnknownPhaseIsRefusedAndNothingIsWritten() {
        var program = Fixtures.program();
        UUID tender = Fixtures.awardedTender(program, Fixtures.enterprise(Fixtures.creditCode()));
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(Fixtures.projectBody(tender, "2020-11-01", "2021-06-30"))
                .post("/projects").then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://ruralfund.cn/problems/project-outside-program-period"));
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(Fixtures.projectBody(tender, "2021-06-30", "2021-01-01"))
                .post("/projects").then().statusCode(400).body("type", equalTo("https://ruralfund.cn/problems/invalid-dates"));
        Map<String, Object> body = new HashMap<>(Fixtures.projectBody(tender, "2021-01-01", "2021-06-30"));
        body.put("phase", "HARVEST");
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(body)
                .post("/projects").then().statusCode(422).body("type", equalTo("https://ruralfund.cn/problems/unknown-phase"));
        body.put("budget", "-5");
        body.remove("township");
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(body)
                .post("/projects").then().statusCode(400).body("type", equalTo("https://ruralfund.cn/problems/invalid-fields"))
                .body("errors.field", hasItems("budget", "township"));
        given().auth().oauth2(OFFICE).get("/projects").then().statusCode(200)
                .body("tenderId", not(hasItem(tender.toString())));
        // the tender can still be registered correctly afterwards
        Fixtures.project(tender);
    }

    @Test
    void R11_confirmedViolationDisqualifiesAndBarsTheEnterpriseFromNewProjects() {
        var program = Fixtures.program();
        String code = Fixtures.creditCode();
        UUID enterprise = Fixtures.enterprise(code);
        UUID first = Fixtures.project(Fixtures.awardedTender(program, enterprise));
        UUID other = Fixtures.project(Fixtures.awardedTender(program, enterprise));
        UUID secondTender = Fixtures.awardedTender(program, enterprise);
        UUID thirdTender = Fixtures.openTender(Fixtures.task(program, false));
        UUID pendingBid = Fixtures.bid(thirdTender, enterprise, "100000.00");

        given().auth().oauth2(OFFICE).contentType(ContentType.JSON)
                .body(Map.of("kind", "MISAPPROPRIATION", "description", "专项资金挪作他用", "amount", 50000.00))
                .post("/projects/" + first + "/violations").then().statusCode(201);

        given().auth().oauth2(OFFICE).get("/projects/" + first).then().body("status", equalTo("DISQUALIFIED"));
        given().auth().oauth2(OFFICE).get("/enterprises/" + enterprise).then().body("status", equalTo("DISQUALIFIED"));
        JsonNode violation = Fixtures.awaitEvent(PROJECT_TOPIC, first.toString(), "cn.ruralfund.project.violation-confirmed.v1");
        assertThat(violation.at("/data/rule").asText()).isEqualTo("R11");
        assertThat(violation.at("/data/amount").decimalValue()).isEqualByComparingTo("50000.00");
        JsonNode disqualified = Fixtures.awaitEvent(PROJECT_TOPIC, code, "cn.ruralfund.project.enterprise-disqualified.v1");
        assertThat(disqualified.at("/data/rule").asText()).isEqualTo("R11");
        assertThat(disqualified.at("/data/projectIds").toString()).contains(first.toString(), other.toString());
        // the enterprise's role in the program ends: its other project stops too; the violation carries the recovery
        given().auth().oauth2(OFFICE).get("/projects/" + other).then().body("status", equalTo("DISQUALIFIED"));
        JsonNode scoped = Fixtures.awaitEvent(PROJECT_TOPIC, code, "cn.ruralfund.project.enterprise-disqualified.v2");
        assertThat(scoped.at("/data/rule").asText()).isEqualTo("R11");
        assertThat(scoped.at("/data/programId").asText()).isEqualTo(program.programId().toString());
        assertThat(scoped.at("/data/recoverFrom").size()).as("the violation-confirmed event carries the recovery").isZero();

        // barred: no new project, no award, no bid
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(Fixtures.projectBody(secondTender, "2021-01-01", "2021-12-31"))
                .post("/projects").then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://ruralfund.cn/problems/r11-enterprise-disqualified"));
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON)
                .body(Map.of("bidId", pendingBid, "awardDate", "2021-01-05", "awardReference", "ZB-3")).post("/tenders/" + thirdTender + "/award")
                .then().statusCode(422).body("type", equalTo("https://ruralfund.cn/problems/r11-enterprise-disqualified"));
        UUID fourthTender = Fixtures.openTender(Fixtures.task(program, false));
        given().auth().oauth2(Tokens.enterprise(code)).contentType(ContentType.JSON).body(Map.of("amount", 1000))
                .post("/tenders/" + fourthTender + "/bids").then().statusCode(422)
                .body("type", equalTo("https://ruralfund.cn/problems/r11-enterprise-disqualified"));
        given().auth().oauth2(OFFICE).get("/projects").then().body("tenderId", not(hasItem(secondTender.toString())));
        given().auth().oauth2(Tokens.of("AUDITOR")).get("/projects/" + first + "/history").then()
                .body("action", hasItems("project.registered", "project.violation-confirmed"));
    }

    @Test
    void anEnterpriseCannotReadOrChangeAnotherEnterprisesProject() {
        var program = Fixtures.program();
        String mine = Fixtures.creditCode();
        String theirs = Fixtures.creditCode();
        UUID myProject = Fixtures.project(Fixtures.awardedTender(program, Fixtures.enterprise(mine)));
        UUID theirProject = Fixtures.project(Fixtures.awardedTender(program, Fixtures.enterprise(theirs)));
        String me = Tokens.enterprise(mine);

        given().auth().oauth2(me).get("/projects/" + myProject).then().statusCode(200);
        given().auth().oauth2(me).get("/projects").then().statusCode(200)
                .body("id", hasItem(myProject.toString())).body("id", not(hasItem(theirProject.toString())));
        for (String path : List.of("", "/history", "/plan", "/progress-reports", "/deviations", "/notices")) {
            given().auth().oauth2(me).get("/projects/" + theirProject + path).then().statusCode(403)
                    .contentType("application/problem+json").body("type", equalTo("https://ruralfund.cn/problems/forbidden"));
        }
        given().auth().oauth2(me).contentType(ContentType.JSON)
                .body(Map.of("reportedOn", "2021-02-01", "percentDone", 50, "evidence", "照片"))
                .post("/projects/" + theirProject + "/progress-reports").then().statusCode(403);
        given().auth().oauth2(me).contentType(ContentType.JSON)
                .body(Map.of("milestones", List.of(Map.of("name", "建成", "plannedDate", "2021-06-30", "weight", 100))))
                .put("/projects/" + theirProject + "/plan").then().statusCode(403);
        given().auth().oauth2(OFFICE).get("/projects/" + theirProject + "/progress-reports").then().statusCode(200).body("size()", equalTo(0));
        given().auth().oauth2(OFFICE).get("/projects/" + theirProject + "/plan").then().statusCode(200).body("status", equalTo("NONE"));
        // nor may it do the office's work on its own project
        given().auth().oauth2(me).post("/projects/" + myProject + "/plan/approval").then().statusCode(403);
        given().auth().oauth2(me).contentType(ContentType.JSON).body(Fixtures.projectBody(UUID.randomUUID(), "2021-01-01", "2021-12-31"))
                .post("/projects").then().statusCode(403);
    }

    @Test
    void poisonMessageGoesToTheDeadLetterTopicAndDoesNotBlockTheConsumer() {
        String poison = "{not json " + UUID.randomUUID();
        Events.send(BUDGET_TOPIC, "poison", poison);
        Fixtures.program(); // still consumed after the poison record
        Events.awaitRecord("ruralfund.project-service.dead-letter", r -> poison.equals(r.value()), Duration.ofSeconds(30));
    }

    @Test
    void R4_R5_acceptanceAndPublicityConclusionsAreKeptOnTheProject() {
        var program = Fixtures.program();
        UUID project = Fixtures.project(Fixtures.awardedTender(program, Fixtures.enterprise(Fixtures.creditCode())));
        Fixtures.send("ruralfund.acceptance.events", "cn.ruralfund.acceptance.acceptance-concluded.v1", project.toString(),
                Map.of("projectId", project, "conclusion", "PASS", "concludedAt", "2022-03-01T10:00:00+08:00"));
        Fixtures.send("ruralfund.publicity.events", "cn.ruralfund.publicity.publicity-closed.v1", UUID.randomUUID().toString(),
                Map.of("announcementId", UUID.randomUUID(), "kind", "ACCEPTANCE", "projectId", project, "openedOn", "2022-03-02",
                        "closedOn", "2022-03-09", "objectionUpheld", false, "closedAt", "2022-03-09T18:00:00+08:00"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(OFFICE).get("/projects/" + project)
                .then().statusCode(200).body("status", equalTo("ACCEPTED")).body("acceptance", equalTo("PASS"))
                .body("publicityClosedOn", equalTo("2022-03-09")).body("objectionUpheld", equalTo(false)));
        given().auth().oauth2(OFFICE).get("/projects/" + project + "/history").then()
                .body("action", hasItems("project.accepted", "project.publicity-closed"));
    }
}
