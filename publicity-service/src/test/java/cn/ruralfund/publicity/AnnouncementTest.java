package cn.ruralfund.publicity;

import cn.ruralfund.platform.contracts.AcceptanceConcludedV1;
import cn.ruralfund.platform.contracts.PublicityClosedV1;
import cn.ruralfund.platform.contracts.PublicityClosingSoonV1;
import cn.ruralfund.platform.events.Topics;
import cn.ruralfund.platform.testing.Events;
import cn.ruralfund.platform.testing.Tokens;
import cn.ruralfund.publicity.service.PublicityCloser;
import io.vertx.core.Vertx;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static cn.ruralfund.publicity.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** Announcements (R5) opened from acceptance-concluded on the real broker, objections, decisions and closing (R7's gate). */
@QuarkusTest
class AnnouncementTest {

    @Inject
    PublicityCloser closer;
    @Inject
    Vertx vertx;

    LocalDays localDays;

    @BeforeEach
    void rememberTheLocalLayer() {
        localDays = new LocalDays();
    }

    @AfterEach
    void putTheLocalLayerBack() {
        localDays.restore();
    }

    @Test
    void R5_aPassedProjectIsAnnouncedWithItsWindow() {
        today("2021-09-30");
        String id = announcedByName("景洪市农产品上行冷链项目", vertx);
        // Published Thu 2021-09-30 (not counted); Oct 1–7 off; Fri 10-08 (1), Sat 10-09 adjusted (2), Mon 11 (3), Tue 12 (4), Wed 10-13 (5).
        detail(id).body("kind", equalTo("ACCEPTANCE")).body("status", equalTo("OPEN"))
                .body("title", equalTo("关于景洪市农产品上行冷链项目验收合格的公示"))
                .body("body", containsString("公示期为5个工作日（2021-10-01起至2021-10-13止，公示发布当日不计入）"))
                .body("window.publishedOn", equalTo("2021-09-30")).body("window.endsOn", equalTo("2021-10-13"))
                .body("window.workingDays", equalTo(5)).body("window.counting", equalTo("CIVIL_CODE"))
                .body("window.nationalNotices[0]", containsString("gov.cn"))
                .body("objections.size()", equalTo(0));
    }

    @Test
    void R5_aPassInAYearWithoutPublishedScheduleIsNotAnnouncedOnAGuess() {
        today("2027-03-01"); // 2027's State Council schedule is not published (an empty file)
        UUID project = UUID.randomUUID();
        Events.send(AcceptanceConcludedV1.TYPE, project.toString(),
                new AcceptanceConcludedV1(project, AcceptanceConcludedV1.PASS, null, "验收合格", OffsetDateTime.now()));
        var dead = Events.awaitRecord(Topics.deadLetter("publicity-service"), r -> project.toString().equals(r.key()), Duration.ofSeconds(60));
        assertThat(new String(dead.headers().lastHeader("dead-letter-reason").value(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("not published");
        given().queryParam("projectId", project.toString()).get("/announcements").then().body("total", equalTo(0));
    }

    @Test
    void R5_aFailedProjectIsNotAnnounced() {
        today("2021-06-03");
        UUID failed = UUID.randomUUID();
        Events.send(AcceptanceConcludedV1.TYPE, failed.toString(),
                new AcceptanceConcludedV1(failed, AcceptanceConcludedV1.FAIL, "REVIEW_FAILED", "材料与实际不符", OffsetDateTime.now()));
        // a PASS sent after it on the same topic is announced; by then the FAIL has been consumed
        announced("后来合格的项目");
        given().queryParam("projectId", failed.toString()).get("/announcements").then().body("total", equalTo(0));
    }

    @Test
    void R5_objectionsAreReceivedOnlyDuringTheWindow() {
        today("2021-06-03"); // Thu; window Fri 06-04 .. Thu 06-10
        String id = announced("窗口期测试项目");
        String address = address();
        object(id, address, "公示当日提出的异议内容").statusCode(201);
        today("2021-06-02");
        object(id, address, "公示之前提出的异议内容").statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://ruralfund.cn/problems/r5-objection-outside-window"));
        today("2021-06-10");
        object(id, address, "公示最后一日的异议内容").statusCode(201);
        today("2021-06-11");
        object(id, address, "公示期满之后的异议内容").statusCode(422)
                .body("type", equalTo("https://ruralfund.cn/problems/r5-objection-outside-window"));
        detail(id).body("objections.size()", equalTo(2));
    }

    @Test
    void R5_anUndecidedObjectionBlocksClosing() {
        today("2021-06-03");
        String id = announced("异议未决测试项目");
        String objection = object(id, address(), "该项目冷库实际未建成").statusCode(201).extract().path("id");
        today("2021-06-10");
        close(id).statusCode(422).body("type", equalTo("https://ruralfund.cn/problems/r5-window-open"));
        today("2021-06-11");
        close(id).statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://ruralfund.cn/problems/r5-objection-undecided"));
        PublicityCloser.Result run = closer.closeDue().await().atMost(Duration.ofSeconds(60));
        assertThat(run.blocked()).isGreaterThanOrEqualTo(1);
        assertThat(run.undecidedOverdue()).isGreaterThanOrEqualTo(1);
        given().baseUri(io.quarkus.test.common.http.TestHTTPResourceManager.getManagementUri()).get("/metrics").then().body(containsString("publicity_objections_undecided{when=\"overdue\"}"));
        detail(id).body("status", equalTo("OPEN"));

        decide(id, objection, "DISMISSED").statusCode(200).body("decision", equalTo("DISMISSED"));
        closer.closeDue().await().atMost(Duration.ofSeconds(60));
        detail(id).body("status", equalTo("CLOSED")).body("outcome", equalTo("OBJECTIONS_DISMISSED")).body("closedOn", equalTo("2021-06-11"))
                .body("objections[0].decision", equalTo("DISMISSED")).body("objections[0].reasons", equalTo("经核查：DISMISSED"));
        JsonNode event = Events.awaitOn(Topics.PUBLICITY, id);
        assertThat(event.path("type").asText()).isEqualTo(PublicityClosedV1.TYPE.type());
        assertThat(event.path("data").path("objectionUpheld").isBoolean()).isTrue();
        assertThat(event.path("data").path("objectionUpheld").asBoolean()).isFalse();
        assertThat(event.path("data").path("kind").asText()).isEqualTo("ACCEPTANCE");
        assertThat(event.path("data").path("openedOn").asText()).isEqualTo("2021-06-03");
        assertThat(event.path("data").path("closedOn").asText()).isEqualTo("2021-06-11");
        assertThat(event.path("data").path("projectId").asText()).isEqualTo(detail(id).extract().path("projectId"));
    }

    @Test
    void R5_theOfficeIsWarnedOnceBeforeAWindowEndsWithAnUndecidedObjection() throws Exception {
        today("2021-11-01"); // Mon; window Tue 11-02 (1), Wed (2), Thu (3), Fri 11-05 (4), Mon 11-08 (5)
        String id = announced("临期预警测试项目");
        String objection = object(id, address(), "项目实际投资额与申报不符").statusCode(201).extract().path("id");
        today("2021-11-05"); // ends Monday: not yet "today or tomorrow"
        assertThat(closer.closeDue().await().atMost(Duration.ofSeconds(60)).warned()).isZero();
        today("2021-11-07"); // Sunday: the window ends tomorrow with one objection undecided
        PublicityCloser.Result run = closer.closeDue().await().atMost(Duration.ofSeconds(60));
        assertThat(run.undecidedEnding()).isGreaterThanOrEqualTo(1);
        var warning = Events.awaitRecord(Topics.PUBLICITY, r -> id.equals(r.key()) && r.value().contains(PublicityClosingSoonV1.TYPE.type()),
                Duration.ofSeconds(60));
        JsonNode data = new com.fasterxml.jackson.databind.ObjectMapper().readTree(warning.value()).path("data");
        assertThat(data.path("announcementId").asText()).isEqualTo(id);
        assertThat(data.path("endsOn").asText()).isEqualTo("2021-11-08");
        assertThat(data.path("undecidedObjections").asInt()).isEqualTo(1);
        assertThat(data.path("warnedOn").asText()).isEqualTo("2021-11-07");
        // once per window: not again the same day, nor on its last day
        assertThat(closer.closeDue().await().atMost(Duration.ofSeconds(60)).warned()).isZero();
        today("2021-11-08");
        assertThat(closer.closeDue().await().atMost(Duration.ofSeconds(60)).warned()).isZero();
        given().baseUri(io.quarkus.test.common.http.TestHTTPResourceManager.getManagementUri()).get("/metrics").then()
                .body(containsString("publicity_closing_soon_warnings_total"))
                .body(containsString("publicity_objections_undecided{when=\"ending\"}"));
        decide(id, objection, "DISMISSED").statusCode(200);
        today("2021-11-09");
        closer.closeDue().await().atMost(Duration.ofSeconds(60));
        detail(id).body("status", equalTo("CLOSED")).body("outcome", equalTo("OBJECTIONS_DISMISSED"));
    }

    @Test
    void R7_anUpheldObjectionIsPublishedAsObjectionUpheld() {
        today("2021-04-28"); // window Thu 04-29 .. Sat 05-08 (adjusted working Saturday)
        String id = announced("异议成立测试项目");
        String first = object(id, address(), "发票重复申报，请核查").statusCode(201).extract().path("id");
        String second = object(id, address(), "企业未按期完工").statusCode(201).extract().path("id");
        decide(id, first, "UPHELD").statusCode(200);
        decide(id, second, "DISMISSED").statusCode(200);
        decide(id, first, "DISMISSED").statusCode(409).body("type", equalTo("https://ruralfund.cn/problems/objection-already-decided"));
        today("2021-05-08");
        close(id).statusCode(422);
        today("2021-05-09");
        close(id).statusCode(200).body("status", equalTo("CLOSED")).body("outcome", equalTo("OBJECTION_UPHELD"));
        close(id).statusCode(409).body("type", equalTo("https://ruralfund.cn/problems/announcement-closed"));
        JsonNode event = Events.awaitOn(Topics.PUBLICITY, id);
        assertThat(event.path("data").path("objectionUpheld").asBoolean()).isTrue();
        assertThat(event.path("data").path("closedOn").asText()).isEqualTo("2021-05-09");
        object(id, address(), "关闭之后的异议内容").statusCode(422);
        // the office's decisions are published, the objector's contact never is
        detail(id).body("objections.decision", containsInAnyOrder("UPHELD", "DISMISSED"))
                .body("objections[0]", not(hasKey("contact"))).body("objections[0]", not(hasKey("name")));
    }

    @Test
    void R5_aWindowWithoutObjectionClosesOnSchedule() {
        today("2021-02-09"); // Spring Festival: window Wed 02-10 .. Mon 02-22
        String id = announced("春节公示测试项目");
        today("2021-02-22");
        closer.closeDue().await().atMost(Duration.ofSeconds(60));
        detail(id).body("status", equalTo("OPEN"));
        today("2021-02-23");
        closer.closeDue().await().atMost(Duration.ofSeconds(60));
        detail(id).body("status", equalTo("CLOSED")).body("outcome", equalTo("NO_OBJECTION"));
        JsonNode event = Events.awaitOn(Topics.PUBLICITY, id);
        assertThat(event.path("data").path("objectionUpheld").asBoolean()).isFalse();
        assertThat(event.path("subject").asText()).isEqualTo(id);
    }

    @Test
    void R5_changingTheLocalLayerLaterDoesNotMoveAnOpenWindow() {
        today("2022-04-08"); // Fri; national schedule only: Mon 04-11 (1) .. Fri 04-15 (5)
        String id = announced("泼水节前公示的项目");
        detail(id).body("window.endsOn", equalTo("2022-04-15")).body("window.localDays.size()", equalTo(0));
        for (String off : List.of("2022-04-11", "2022-04-12", "2022-04-13", "2022-04-14", "2022-04-15")) {
            localDays.set(off, true, "泼水节");
        }
        // a window published now would end later; the one already published keeps the calendar it was computed with
        given().queryParam("start", "2022-04-08").get("/calendar/publicity-window").then().body("end", equalTo("2022-04-22"));
        detail(id).body("window.endsOn", equalTo("2022-04-15")).body("window.localDays.size()", equalTo(0));
    }

    @Test
    void objectionsAreStoredAsGivenAndValidated() {
        today("2021-06-03");
        String id = announced("异议校验测试项目");
        String text = "<script>alert(1)</script> & \"引号\" 'x'";
        String objection = object(id, address(), text).statusCode(201).extract().path("id");
        detail(id).body("objections[0].text", equalTo(text)).body("objections[0].id", equalTo(objection));
        given().header("X-Forwarded-For", address()).contentType(ContentType.JSON).body(Map.of("name", "岩罕", "text", "没有联系方式的异议"))
                .post("/announcements/" + id + "/objections").then().statusCode(400).contentType("application/problem+json");
        given().header("X-Forwarded-For", address()).contentType(ContentType.JSON)
                .body(Map.of("name", "岩罕", "contact", "x", "text", "长".repeat(2001)))
                .post("/announcements/" + id + "/objections").then().statusCode(400);
        given().header("X-Forwarded-For", address()).contentType(ContentType.JSON).body("{\"name\": ")
                .post("/announcements/" + id + "/objections").then().statusCode(400).contentType("application/problem+json");
        object(UUID.randomUUID().toString(), address(), "不存在的公示的异议").statusCode(404).contentType("application/problem+json");
        detail(id).body("objections.size()", equalTo(1));
        // the office sees who objected and how to reach them
        given().auth().oauth2(OFFICE).get("/announcements/" + id + "/objections").then().statusCode(200)
                .body("[0].contact", equalTo("13988888888")).body("[0].name", equalTo("岩罕"));
        given().get("/announcements/" + id + "/objections").then().statusCode(401);
    }

    @Test
    void objectionsAreRateLimitedPerClientAddress() {
        today("2021-06-03");
        String id = announced("限流测试项目");
        String flood = address();
        for (int i = 0; i < 5; i++) {
            object(id, flood, "第" + i + "条重复异议内容").statusCode(201);
        }
        object(id, flood, "第六条重复异议内容").statusCode(429).contentType("application/problem+json")
                .body("type", equalTo("https://ruralfund.cn/problems/objection-rate-limited"));
        // another citizen is not affected, nor is the office's work
        object(id, address(), "另一位群众的异议内容").statusCode(201);
        detail(id).body("objections.size()", equalTo(6));
    }

    @Test
    void onlyTheOfficeDecidesAndCloses() {
        today("2021-06-03");
        String id = announced("权限测试项目");
        String objection = object(id, address(), "权限测试的异议内容").statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.of("FINANCE")).contentType(ContentType.JSON).body(Map.of("decision", "UPHELD", "reasons", "x"))
                .post("/announcements/" + id + "/objections/" + objection + "/decision").then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("decision", "UPHELD", "reasons", "x"))
                .post("/announcements/" + id + "/objections/" + objection + "/decision").then().statusCode(401);
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(Map.of("decision", "MAYBE", "reasons", "x"))
                .post("/announcements/" + id + "/objections/" + objection + "/decision").then().statusCode(400);
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(Map.of("decision", "UPHELD"))
                .post("/announcements/" + id + "/objections/" + objection + "/decision").then().statusCode(400);
        decide(id, UUID.randomUUID().toString(), "UPHELD").statusCode(404);
        given().auth().oauth2(Tokens.of("FINANCE")).post("/announcements/" + id + "/closure").then().statusCode(403);
        detail(id).body("objections[0].decision", nullValue());
    }

    @Test
    void R5_concurrentDecisionsOnOneObjectionDecideItOnce() throws Exception {
        today("2021-06-03");
        String id = announced("并发测试项目");
        String objection = object(id, address(), "并发测试的异议内容").statusCode(201).extract().path("id");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String decision = i % 2 == 0 ? "UPHELD" : "DISMISSED";
                calls.add(() -> decide(id, objection, decision).extract().statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
            assertThat(statuses).filteredOn(s -> s == 409).hasSize(5);
        } finally {
            pool.shutdown();
        }
    }
}
