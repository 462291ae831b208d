package cn.ruralfund.publicity;

import cn.ruralfund.platform.contracts.AcceptanceConcludedV1;
import cn.ruralfund.platform.contracts.ApplicationSubmittedV1;
import cn.ruralfund.platform.contracts.ReviewRecordedV1;
import cn.ruralfund.platform.contracts.EnterpriseDisqualifiedV1;
import cn.ruralfund.platform.contracts.EnterpriseDisqualifiedV2;
import cn.ruralfund.platform.contracts.ViolationConfirmedV1;
import cn.ruralfund.platform.contracts.RectificationIssuedV1;
import cn.ruralfund.platform.contracts.TenderAwardedV1;
import cn.ruralfund.platform.events.Topics;
import cn.ruralfund.platform.testing.Events;
import cn.ruralfund.platform.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.ruralfund.publicity.Fixtures.OFFICE;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** Public notices (R11, R16, R17) from project-service's events on the real broker; corrections and withdrawals keep history (R6). */
@QuarkusTest
class NoticeTest {

    @Inject
    Vertx vertx;

    static TenderAwardedV1 tender(UUID programId, String amount) {
        return new TenderAwardedV1(UUID.randomUUID(), "JH-2021-ZB-" + UUID.randomUUID().toString().substring(0, 8), "景洪市农产品上行冷链仓储建设",
                programId, UUID.randomUUID(), UUID.randomUUID(), "冷链仓储", "91532801MA6K7XYN17", "西双版纳某某冷链物流有限公司",
                amount == null ? null : new BigDecimal(amount), LocalDate.of(2021, 3, 15), "JH-ZBTZ-2021-007", 4);
    }

    static String noticeOf(String programId) {
        String[] id = new String[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            var r = given().queryParam("programId", programId).get("/notices").then().statusCode(200).extract();
            Integer total = r.path("total");
            String first = r.path("items[0].id"); // the page and the total are two statements: total may count one not yet listed
            if (total != null && total >= 1 && first != null) {
                id[0] = first;
                return true;
            }
            return false;
        });
        return id[0];
    }

    @Test
    void R17_aTenderAwardIsPublishedAsANotice() {
        UUID program = UUID.randomUUID();
        Events.send(TenderAwardedV1.TYPE, UUID.randomUUID().toString(), tender(program, "1280000.50"));
        String id = noticeOf(program.toString());
        given().get("/notices/" + id).then().statusCode(200).body("kind", equalTo("TENDER_AWARD")).body("rule", equalTo("R17"))
                .body("title", equalTo("中标公告：景洪市农产品上行冷链仓储建设"))
                .body("body", containsString("中标金额人民币1280000.50元")).body("body", containsString("共收到4份投标"))
                .body("history.size()", equalTo(1)).body("history[0].action", equalTo("PUBLISHED"));
    }

    @Test
    void R6_correctionsAndWithdrawalsKeepEveryPublishedVersion() {
        UUID program = UUID.randomUUID();
        Events.send(TenderAwardedV1.TYPE, UUID.randomUUID().toString(), tender(program, "300000.00"));
        String id = noticeOf(program.toString());
        String original = given().get("/notices/" + id).then().extract().path("body");
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON)
                .body(Map.of("title", "中标公告（更正）", "body", "更正后的公告正文", "reason", "投标数量有误"))
                .post("/notices/" + id + "/corrections").then().statusCode(200).body("status", equalTo("CORRECTED")).body("revision", equalTo(2));
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(Map.of("reason", "招标程序被撤销"))
                .post("/notices/" + id + "/withdrawal").then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(Map.of("reason", "again"))
                .post("/notices/" + id + "/withdrawal").then().statusCode(409);
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(Map.of("title", "t", "body", "b", "reason", "r"))
                .post("/notices/" + id + "/corrections").then().statusCode(409).body("type", equalTo("https://ruralfund.cn/problems/notice-withdrawn"));
        given().get("/notices/" + id).then().statusCode(200).body("status", equalTo("WITHDRAWN"))
                .body("history.action", equalTo(List.of("PUBLISHED", "CORRECTED", "WITHDRAWN")))
                .body("history[0].body", equalTo(original)).body("history[1].body", equalTo("更正后的公告正文"))
                .body("history[1].reason", equalTo("投标数量有误")).body("history[2].reason", equalTo("招标程序被撤销"));
        // only the office corrects; bad input changes nothing
        given().auth().oauth2(Tokens.of("FINANCE")).contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .post("/notices/" + id + "/withdrawal").then().statusCode(403);
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(Map.of("title", "t"))
                .post("/notices/" + UUID.randomUUID() + "/corrections").then().statusCode(400);
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .post("/notices/" + UUID.randomUUID() + "/withdrawal").then().statusCode(404);
        given().get("/notices/" + id).then().body("revision", equalTo(3));
    }

    @Test
    void R11_disqualificationAndR16_publicCriticismArePublished() {
        String code = "91532801MA6K" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        UUID program = UUID.randomUUID();
        UUID failedProject = UUID.randomUUID();
        // project-service publishes v1 beside v2 (same subject, same partition, v2 first): one disqualification, one notice
        Events.send(EnterpriseDisqualifiedV2.TYPE, code, new EnterpriseDisqualifiedV2(code, "景洪某某电子商务有限公司", program, "R12",
                "整改期满仍未整改", List.of(failedProject), OffsetDateTime.parse("2021-09-01T10:00:00+08:00")));
        Events.send(EnterpriseDisqualifiedV1.TYPE, code, new EnterpriseDisqualifiedV1(code, "景洪某某电子商务有限公司", "R12",
                "整改期满仍未整改", List.of(failedProject), OffsetDateTime.parse("2021-09-01T10:00:00+08:00")));
        UUID project = UUID.randomUUID();
        Events.send(RectificationIssuedV1.TYPE, project.toString(), new RectificationIssuedV1(UUID.randomUUID(), project, code,
                "景洪某某电子商务有限公司", "DATA_REPORTING", "R16", "未按时报送网销数据", LocalDate.of(2021, 10, 31), OffsetDateTime.now()));
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            List<String> titles = given().queryParam("projectId", project.toString()).get("/notices").then().extract().path("items.title");
            return titles != null && titles.size() == 1;
        });
        given().queryParam("projectId", project.toString()).get("/notices").then()
                .body("items[0].kind", equalTo("RECTIFICATION")).body("items[0].rule", equalTo("R16"))
                .body("items[0].title", equalTo("通报批评：景洪某某电子商务有限公司"));
        String id = noticeOf(program.toString());
        given().get("/notices/" + id).then().statusCode(200).body("kind", equalTo("DISQUALIFICATION"))
                .body("rule", equalTo("R12")).body("enterpriseCreditCode", equalTo(code))
                .body("title", equalTo("关于取消景洪某某电子商务有限公司承办资格的公告"))
                .body("body", containsString("自2021-09-01起取消其在本示范项目中的承办资格，停止拨付其全部项目资金"))
                .body("body", containsString("全额追回"));
        // a marker with the same subject (same partition, after the v1): once it is published, the v1 was consumed too
        UUID marker = UUID.randomUUID();
        Events.send(EnterpriseDisqualifiedV2.TYPE, code, new EnterpriseDisqualifiedV2(code, null, marker, "R11", "弄虚作假",
                List.of(), OffsetDateTime.parse("2021-09-02T10:00:00+08:00")));
        noticeOf(marker.toString());
        given().queryParam("programId", program.toString()).get("/notices").then().body("total", equalTo(1));
        given().get("/notices/" + noticeOf(marker.toString())).then().body("title", equalTo("关于取消承办企业承办资格的公告"))
                .body("rule", equalTo("R11")).body("body", not(containsString("追回")));
    }

    @Test
    void R15_aDuplicateClaimIsPublishedEscapedAndWithoutContactDetails() {
        UUID program = UUID.randomUUID();
        UUID project = Fixtures.known(Fixtures.registered("重复申报测试项目", program), vertx);
        Events.send(ViolationConfirmedV1.TYPE, project.toString(), new ViolationConfirmedV1(UUID.randomUUID(), project, "91532801MA6K000001",
                "DUPLICATE_CLAIM", "R15", new BigDecimal("12000.50"), "发票 5300201130 No.00123456 重复申报<script>alert(1)</script>",
                OffsetDateTime.now()));
        String id = noticeOf(program.toString());
        given().get("/notices/" + id).then().statusCode(200).body("kind", equalTo("VIOLATION")).body("rule", equalTo("R15"))
                .body("projectId", equalTo(project.toString()))
                .body("title", equalTo("通报批评：景洪测试电商有限公司"))
                .body("body", containsString("重复申报测试项目经查实存在重复申请补助行为：发票 5300201130 No.00123456 重复申报<script>alert(1)</script>"))
                .body("body", containsString("追回资金人民币12000.50元，并予以通报批评。"));
        String page = given().get("/portal/notices/" + id).then().statusCode(200).extract().asString();
        assertThat(page).contains("通报批评：景洪测试电商有限公司").contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>");
        // the enterprise's dedicated account (from project-registered) and any contact never reach a public page
        String json = given().get("/notices/" + id).then().extract().asString();
        for (String published : List.of(page, json)) {
            assertThat(published).doesNotContain("6228480123456789012").doesNotContain("13988888888").doesNotContain("中国农业银行");
        }
    }

    @Test
    void R11_aConfirmedViolationWithoutAmountRecoversEverything() {
        UUID program = UUID.randomUUID();
        UUID project = Fixtures.known(Fixtures.registered("挪用资金测试项目", program), vertx);
        Events.send(ViolationConfirmedV1.TYPE, project.toString(), new ViolationConfirmedV1(UUID.randomUUID(), project, "91532801MA6K000001",
                "DIVERSION", "R11", null, "将专项资金用于偿还其他债务", OffsetDateTime.now()));
        String id = noticeOf(program.toString());
        given().get("/notices/" + id).then().body("kind", equalTo("VIOLATION")).body("rule", equalTo("R11"))
                .body("title", equalTo("违规处理通报：景洪测试电商有限公司"))
                .body("enterpriseCreditCode", equalTo("91532801MA6K000001"))
                .body("body", containsString("挪用资金测试项目经查实存在挪用资金行为：将专项资金用于偿还其他债务。依据规则 R11，停止拨付该项目资金，追回已拨付的全部资金。"));
    }

    @Test
    void R17_theApplicationAndEachReviewStepArePublished() {
        UUID program = UUID.randomUUID();
        UUID project = Fixtures.known(Fixtures.registered("评审公开测试项目", program), vertx);
        UUID application = UUID.randomUUID();
        OffsetDateTime at = OffsetDateTime.parse("2021-08-02T09:30:00+08:00");
        Events.send(ApplicationSubmittedV1.TYPE, project.toString(), new ApplicationSubmittedV1(application, project, "91532801MA6K000001",
                1, 12, 30, at));
        Events.send(ReviewRecordedV1.TYPE, project.toString(), new ReviewRecordedV1(application, project, "INITIAL", "COMPLETE", 1, at.plusDays(3)));
        Events.send(ReviewRecordedV1.TYPE, project.toString(), new ReviewRecordedV1(application, project, "ON_SITE", "MISMATCH", 1, at.plusDays(10)));
        await().atMost(Duration.ofSeconds(60)).until(() ->
                given().queryParam("projectId", project.toString()).get("/notices").then().extract().<Integer>path("total") == 3);
        // newest first: the on-site review, the initial review, the application
        given().queryParam("projectId", project.toString()).get("/notices").then()
                .body("items.kind", equalTo(List.of("REVIEW", "REVIEW", "APPLICATION")))
                .body("items.rule", equalTo(List.of("R17", "R17", "R17")))
                .body("items.title", equalTo(List.of("验收评审：评审公开测试项目（实地评审）", "验收评审：评审公开测试项目（初审）",
                        "验收申报：评审公开测试项目")));
        String applicationNotice = given().queryParam("projectId", project.toString()).queryParam("kind", "APPLICATION").get("/notices")
                .then().extract().path("items[0].id");
        given().get("/notices/" + applicationNotice).then().body("body",
                equalTo("景洪测试电商有限公司（统一社会信用代码 91532801MA6K000001）于2021-08-02提交评审公开测试项目的验收申报（第1版），附佐证材料12份、发票30张。"));
        String onSite = given().queryParam("projectId", project.toString()).get("/notices").then().extract().path("items[0].id");
        given().get("/notices/" + onSite).then().body("body",
                equalTo("评审公开测试项目的验收申报（第1版）于2021-08-12完成实地评审（评审组成员意见），结论：建设内容与申报材料不符。"));
    }

    @Test
    void R4_aFailedAcceptanceIsPublishedAsANotice() {
        UUID program = UUID.randomUUID();
        UUID failed = Fixtures.known(Fixtures.registered("验收不合格测试项目", program), vertx);
        Events.send(AcceptanceConcludedV1.TYPE, failed.toString(),
                new AcceptanceConcludedV1(failed, AcceptanceConcludedV1.FAIL, "REVIEW_FAILED", "冷库容量与申报不符", OffsetDateTime.now()));
        String id = noticeOf(program.toString());
        given().get("/notices/" + id).then().body("kind", equalTo("ACCEPTANCE_RESULT")).body("rule", equalTo("R4"))
                .body("title", equalTo("关于验收不合格测试项目验收不合格的公告"))
                .body("body", equalTo("验收不合格测试项目（承办企业：景洪测试电商有限公司）经验收，结论为不合格：冷库容量与申报不符。特此公告。"));
        UUID late = Fixtures.known(Fixtures.registered("逾期未验收测试项目", program), vertx);
        Events.send(AcceptanceConcludedV1.TYPE, late.toString(),
                new AcceptanceConcludedV1(late, AcceptanceConcludedV1.FAIL, "DEADLINE_MISSED", null, OffsetDateTime.now()));
        await().atMost(Duration.ofSeconds(60)).until(() ->
                given().queryParam("projectId", late.toString()).get("/notices").then().extract().<Integer>path("total") == 1);
        given().queryParam("projectId", late.toString()).get("/notices").then().body("items[0].rule", equalTo("R8"))
                .body("items[0].kind", equalTo("ACCEPTANCE_RESULT"));
        // no announcement: only a pass opens a publicity window
        given().queryParam("projectId", failed.toString()).get("/announcements").then().body("total", equalTo(0));
    }

    @Test
    void anIncompleteEventIsRefusedToTheDeadLetterTopicAndPublishesNothing() {
        UUID program = UUID.randomUUID();
        TenderAwardedV1 noAmount = tender(program, null);
        Events.send(TenderAwardedV1.TYPE, noAmount.tenderId().toString(), noAmount);
        var dead = Events.awaitRecord(Topics.deadLetter("publicity-service"), r -> r.key() != null && r.key().equals(noAmount.tenderId().toString()),
                Duration.ofSeconds(60));
        assertThat(dead.value()).contains(noAmount.tenderId().toString());
        given().queryParam("programId", program.toString()).get("/notices").then().body("total", equalTo(0));
    }

    @Test
    void publicListsArePagedInAStableOrderWithHttpCaching() {
        UUID program = UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            Events.send(TenderAwardedV1.TYPE, UUID.randomUUID().toString(), tender(program, "1000.0" + i));
        }
        await().atMost(Duration.ofSeconds(60)).until(() ->
                given().queryParam("programId", program.toString()).get("/notices").then().extract().<Integer>path("total") == 5);
        List<String> all = given().queryParam("programId", program.toString()).queryParam("size", 5).get("/notices").then().extract().path("items.id");
        List<String> first = given().queryParam("programId", program.toString()).queryParam("size", 2).get("/notices").then()
                .body("total", equalTo(5)).body("page", equalTo(0)).extract().path("items.id");
        List<String> second = given().queryParam("programId", program.toString()).queryParam("size", 2).queryParam("page", 1).get("/notices")
                .then().extract().path("items.id");
        List<String> third = given().queryParam("programId", program.toString()).queryParam("size", 2).queryParam("page", 2).get("/notices")
                .then().extract().path("items.id");
        assertThat(first).hasSize(2);
        assertThat(third).hasSize(1);
        assertThat(List.of(first.get(0), first.get(1), second.get(0), second.get(1), third.get(0))).isEqualTo(all);

        var response = given().queryParam("programId", program.toString()).get("/notices").then().statusCode(200)
                .header("Cache-Control", "public, max-age=30").extract();
        String etag = response.header("ETag");
        assertThat(etag).startsWith("\"");
        given().queryParam("programId", program.toString()).header("If-None-Match", etag).get("/notices").then().statusCode(304);
        given().queryParam("size", 101).get("/notices").then().statusCode(400).contentType("application/problem+json");
        given().queryParam("kind", "NOPE").get("/notices").then().statusCode(400).contentType("application/problem+json");
        given().get("/notices/" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
    }
}
