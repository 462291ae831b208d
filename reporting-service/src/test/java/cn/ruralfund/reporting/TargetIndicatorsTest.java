package cn.ruralfund.reporting;

import cn.ruralfund.platform.contracts.ProjectRegisteredV1;
import cn.ruralfund.platform.testing.Postgres;
import cn.ruralfund.platform.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.ruralfund.reporting.EvaluationTest.evaluation;
import static cn.ruralfund.reporting.EvaluationTest.line;
import static cn.ruralfund.reporting.Fixtures.OFFICE;
import static cn.ruralfund.reporting.Fixtures.money;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasSize;

/**
 * T4–T9 of the Jinghong 2020 table, each computed from data the service has or receives, or counted from evidenced
 * entries officials record (with who entered them, in the audit trail): never a number written into the table.
 */
@QuarkusTest
class TargetIndicatorsTest {

    static UUID jinghong() {
        return Fixtures.program("景洪市", 2020);
    }

    static io.restassured.response.Response entry(UUID program, String code, String item, String on, String evidence) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("item", item);
        body.put("occurredOn", on);
        body.put("evidence", evidence);
        return given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(body).post("/programs/" + program + "/targets/" + code + "/entries");
    }

    @Test
    void T4_supplyChainStandardsAreCountedFromEvidencedEntriesAndAWithdrawnOneStopsCounting() throws Exception {
        UUID program = jinghong();
        assertThat(money(line(evaluation(program), "T4").get("actual"))).isEqualTo("0.00");
        String first = null;
        for (String standard : List.of("规格标准", "价格标准", "质量标准", "包装标准", "售后标准")) {
            String id = entry(program, "T4", standard, "2021-05-20", "https://example.gov.cn/t4/" + standard + ".pdf").then().statusCode(201)
                    .body("enteredBy", org.hamcrest.Matchers.notNullValue()).extract().path("id");
            first = first == null ? id : first;
        }
        Map<String, Object> t4 = line(evaluation(program), "T4");
        assertThat(money(t4.get("actual"))).isEqualTo("5.00");
        assertThat(t4.get("status")).isEqualTo("ACHIEVED");
        assertThat(money(t4.get("score"))).isEqualTo("6.00");
        assertThat(t4.get("source").toString()).contains("https://example.gov.cn/t4/包装标准.pdf");

        // no evidence, no date, a future date, the wrong role: refused, nothing counted
        entry(program, "T4", "物流标准", "2021-05-20", " ").then().statusCode(400);
        entry(program, "T4", "物流标准", "20.05.2021", "https://example.gov.cn/x.pdf").then().statusCode(400);
        entry(program, "T4", "物流标准", "2999-01-01", "https://example.gov.cn/x.pdf").then().statusCode(400);
        given().auth().oauth2(Tokens.of("FINANCE")).contentType(ContentType.JSON)
                .body(Map.of("item", "物流标准", "occurredOn", "2021-05-20", "evidence", "https://example.gov.cn/x.pdf"))
                .post("/programs/" + program + "/targets/T4/entries").then().statusCode(403);
        assertThat(money(line(evaluation(program), "T4").get("actual"))).isEqualTo("5.00");

        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(Map.of("reason", "重复录入"))
                .post("/programs/" + program + "/targets/T4/entries/" + first + "/withdrawal").then().statusCode(204);
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(Map.of("reason", "again"))
                .post("/programs/" + program + "/targets/T4/entries/" + first + "/withdrawal").then().statusCode(404);
        Map<String, Object> after = line(evaluation(program), "T4");
        assertThat(money(after.get("actual"))).isEqualTo("4.00");
        assertThat(after.get("status")).isNotEqualTo("ACHIEVED");
        given().auth().oauth2(Tokens.of("AUDITOR")).get("/programs/" + program + "/targets/T4/entries").then().statusCode(200)
                .body("$", hasSize(5)).body("find { it.id == '" + first + "' }.withdrawnReason", org.hamcrest.Matchers.equalTo("重复录入"));
        assertThat(audited(program, "target.entry-added")).isEqualTo(5);
        assertThat(audited(program, "target.entry-withdrawn")).isEqualTo(1);
    }

    @Test
    void T5_resourceLibraryCountedFromItsEvidencedEntry() {
        UUID program = jinghong();
        assertThat(line(evaluation(program), "T5").get("status")).isNotEqualTo("ACHIEVED");
        entry(program, "T5", "景洪特色产品公共资源库上线", "2021-09-01", "https://example.gov.cn/library").then().statusCode(201);
        Map<String, Object> t5 = line(evaluation(program), "T5");
        assertThat(money(t5.get("actual"))).isEqualTo("1.00");
        assertThat(t5.get("status")).isEqualTo("ACHIEVED");
        assertThat(t5.get("source").toString()).contains("2021-09-01 景洪特色产品公共资源库上线 (https://example.gov.cn/library)");
    }

    @Test
    void T6_certifiedProductsComeFromTheRegister() {
        UUID program = jinghong();
        var brand = Fixtures.brand(program, 1); // P1 without a certification
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON)
                .body(Map.of("name", "有机普洱", "internetFamous", false, "certifications", List.of("ORGANIC", "GEOGRAPHICAL_INDICATION")))
                .post("/brands/" + brand.id() + "/products").then().statusCode(201);
        Map<String, Object> t6 = line(evaluation(program), "T6");
        assertThat(money(t6.get("actual"))).as("one certified product, however many certifications").isEqualTo("1.00");
        assertThat(t6.get("status")).isEqualTo("ACHIEVED");
        assertThat(t6.get("source").toString()).contains("三品一标");
    }

    @Test
    void T7_coldChainStorageCountsAcceptedColdChainProjectsOfEnterprisesStillQualified() {
        UUID program = jinghong();
        String good = Fixtures.creditCode(), lost = Fixtures.creditCode();
        ProjectRegisteredV1 accepted = ProjectEvents.register(program, "勐罕镇冷链仓储中心", "冷链仓储", good, "COLD_CHAIN_FACILITY");
        ProjectRegisteredV1 byCategory = ProjectEvents.register(program, "水果预冷库", "产地预冷", good, "COLD_CHAIN_FACILITY");
        ProjectRegisteredV1 failed = ProjectEvents.register(program, "嘎洒镇冷链", "冷链仓储", Fixtures.creditCode(), "COLD_CHAIN_FACILITY");
        ProjectRegisteredV1 logistics = ProjectEvents.register(program, "物流配送", "物流配送体系", good, "LOGISTICS");
        ProjectRegisteredV1 disqualified = ProjectEvents.register(program, "勐养镇冷链", "冷链仓储", lost, "COLD_CHAIN_FACILITY");
        ProjectEvents.concluded(accepted.projectId(), "PASS");
        ProjectEvents.concluded(byCategory.projectId(), "PASS");
        ProjectEvents.concluded(failed.projectId(), "FAIL");
        ProjectEvents.concluded(logistics.projectId(), "PASS");
        ProjectEvents.concluded(disqualified.projectId(), "PASS");
        ProjectEvents.disqualified(lost, program);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(given().auth().oauth2(OFFICE).get("/programs/" + program + "/projects")
                .then().extract().jsonPath().getList("projects.status")).containsExactlyInAnyOrder("ACCEPTED", "ACCEPTED", "ACCEPTANCE_FAILED",
                "ACCEPTED", "DISQUALIFIED"));
        Map<String, Object> t7 = line(evaluation(program), "T7");
        assertThat(money(t7.get("actual"))).isEqualTo("2.00");
        assertThat(t7.get("status")).isEqualTo("ACHIEVED");
        assertThat(t7.get("source").toString()).contains("勐罕镇冷链仓储中心").contains("水果预冷库").doesNotContain("嘎洒镇冷链")
                .doesNotContain("勐养镇冷链").doesNotContain("物流配送");
    }

    @Test
    void T8_marketingEventsCountedFromEntriesTowardTheNineThePlanNames() {
        UUID program = jinghong();
        List<String> events = List.of("618", "双11", "年货节", "文化节", "一县一品", "热带水果节", "产销对接会", "电商创业大赛");
        for (String event : events) {
            entry(program, "T8", event, "2021-06-18", "https://example.gov.cn/t8/" + event + ".jpg").then().statusCode(201);
        }
        Map<String, Object> t8 = line(evaluation(program), "T8");
        assertThat(money(t8.get("actual"))).isEqualTo("8.00");
        assertThat(money(t8.get("score"))).as("6 points x 8/9").isEqualTo("5.33");
        entry(program, "T8", "网红直播大赛", "2021-11-11", "https://example.gov.cn/t8/live.jpg").then().statusCode(201);
        assertThat(line(evaluation(program), "T8").get("status")).isEqualTo("ACHIEVED");
        // an indicator computed from data takes no entries
        entry(program, "T3", "品牌", "2021-06-18", "https://example.gov.cn/x").then().statusCode(409).body("type", endsWith("not-counted-from-entries"));
        entry(program, "T99", "x", "2021-06-18", "https://example.gov.cn/x").then().statusCode(404);
    }

    @Test
    void T9_poorVillageShopsCountedFromEntriesAndTheManualSatisfactionFigureNamesWhoEnteredIt() throws Exception {
        UUID program = jinghong();
        entry(program, "T9", "勐龙镇曼飞龙村网店", "2021-04-01", "https://example.gov.cn/t9/manfeilong").then().statusCode(201);
        Map<String, Object> t9 = line(evaluation(program), "T9");
        assertThat(money(t9.get("actual"))).isEqualTo("1.00");
        assertThat(t9.get("status")).isEqualTo("ACHIEVED");
        assertThat(money(t9.get("score"))).isEqualTo("10.00");

        // the one figure no data can give (a survey's result): entered with its evidence, by a named official
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(Map.of("manualValue", 93))
                .put("/programs/" + program + "/targets/S1").then().statusCode(400).body("type", endsWith("evidence-missing"));
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(Map.of("manualValue", 93, "evidence", "https://example.gov.cn/survey.pdf"))
                .put("/programs/" + program + "/targets/S1").then().statusCode(200).body("enteredBy", org.hamcrest.Matchers.notNullValue());
        JsonPath e = evaluation(program);
        assertThat(line(e, "S1").get("source").toString()).startsWith("manual entry by ").contains("https://example.gov.cn/survey.pdf");
        assertThat(line(e, "S1").get("status")).isEqualTo("ACHIEVED");
        assertThat(audited(program, "target.edited")).isEqualTo(1);
    }

    static long audited(UUID program, String action) throws Exception {
        try (Connection c = Postgres.connect("reporting");
             PreparedStatement s = c.prepareStatement("select count(*) from audit_entry where aggregate_id = ? and action = ?")) {
            s.setString(1, program.toString());
            s.setString(2, action);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
