package cn.ruralfund.project;

import cn.ruralfund.platform.testing.Events;
import cn.ruralfund.platform.testing.Tokens;
import cn.ruralfund.project.domain.CreditCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;

/** Builds the world a test needs through the service's own API and the events other services would send. */
final class Fixtures {

    static final String OFFICE = Tokens.of("COMMERCE_OFFICE");
    static final String BUDGET_TOPIC = "ruralfund.budget.events";
    static final String PROJECT_TOPIC = "ruralfund.project.events";
    static final String REPORTING_TOPIC = "ruralfund.reporting.events";
    static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private Fixtures() {
    }

    /** A fresh valid unified social credit code (Yunnan, Xishuangbanna, Jinghong: 532801). */
    static String creditCode() {
        StringBuilder code = new StringBuilder("91532801");
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        for (int i = 0; i < 9; i++) {
            code.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return code.append(CreditCode.checkCharacter(code.toString())).toString();
    }

    static void send(String topic, String type, String subject, Object data) {
        Events.send(topic, subject, Events.cloudEvent(type, subject, data));
    }

    record Program(UUID programId, UUID directionId) {
    }

    /** The Jinghong 2020 program (F1–F3) as budget-service announces it; returns once project-service knows it. */
    static Program program() {
        UUID programId = UUID.randomUUID();
        UUID poverty = UUID.randomUUID();
        UUID upward = UUID.randomUUID();
        Map<String, Object> data = Map.of(
                "programId", programId, "county", "景洪市", "year", 2020,
                "name", "2020年景洪市电子商务进农村综合示范项目奖励资金 " + programId, "total", 5000000.00,
                "periodStart", "2020-12", "periodEnd", "2022-12",
                "directions", List.of(
                        Map.of("directionId", poverty, "name", "电商精准扶贫体系建设", "allocation", 500000.00),
                        Map.of("directionId", upward, "name", "农产品上行体系建设", "allocation", 4500000.00)),
                "phases", List.of(
                        Map.of("code", "LAUNCH", "name", "启动阶段", "start", "2020-12", "end", "2020-12"),
                        Map.of("code", "IMPLEMENTATION", "name", "实施阶段", "start", "2021-01", "end", "2021-12"),
                        Map.of("code", "IMPROVEMENT", "name", "提升阶段", "start", "2022-01", "end", "2022-12")));
        send(BUDGET_TOPIC, "cn.ruralfund.budget.program-created.v1", programId.toString(), data);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(OFFICE).get("/program-directions")
                .then().statusCode(200).body("directionId", hasItem(upward.toString())));
        return new Program(programId, upward);
    }

    static Map<String, Object> enterpriseBody(String code) {
        return Map.of("name", "景洪市某电子商务有限公司 " + code, "creditCode", code, "legalRepresentative", "岩温",
                "contact", "0691-2100000",
                "fundAccount", Map.of("bank", "中国农业银行景洪市支行", "accountName", "某电子商务有限公司专户", "accountNumber", "2417010104000" + code.substring(12)));
    }

    static UUID enterprise(String code) {
        return UUID.fromString(given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(enterpriseBody(code))
                .post("/enterprises").then().statusCode(201).extract().path("id"));
    }

    static UUID task(Program program, boolean buildFirst) {
        return UUID.fromString(given().auth().oauth2(OFFICE).contentType(ContentType.JSON)
                .body(Map.of("programId", program.programId(), "directionId", program.directionId(),
                        "name", "农村冷链仓储 " + UUID.randomUUID(), "category", "COLD_CHAIN_STORAGE",
                        "buildFirstSubsidiseAfter", buildFirst, "responsibleUnits", List.of("市商务局", "市农业农村局")))
                .post("/tasks").then().statusCode(201).extract().path("id"));
    }

    static UUID openTender(UUID task) {
        return UUID.fromString(given().auth().oauth2(OFFICE).contentType(ContentType.JSON)
                .body(Map.of("taskId", task, "title", "冷链仓储建设招标", "reference", "JHZB-" + UUID.randomUUID()))
                .post("/tenders").then().statusCode(201).extract().path("id"));
    }

    static UUID bid(UUID tender, UUID enterprise, String amount) {
        return UUID.fromString(given().auth().oauth2(OFFICE).contentType(ContentType.JSON)
                .body(Map.of("enterpriseId", enterprise, "amount", new java.math.BigDecimal(amount)))
                .post("/tenders/" + tender + "/bids").then().statusCode(201).extract().path("id"));
    }

    static void award(UUID tender, UUID bid) {
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON)
                .body(Map.of("bidId", bid, "awardDate", "2020-12-20", "awardReference", "ZBTZ-" + UUID.randomUUID()))
                .post("/tenders/" + tender + "/award").then().statusCode(200);
    }

    /** A tender for a new task, awarded to the enterprise. */
    static UUID awardedTender(Program program, UUID enterprise) {
        UUID tender = openTender(task(program, true));
        award(tender, bid(tender, enterprise, "800000.00"));
        return tender;
    }

    static Map<String, Object> projectBody(UUID tender, String start, String end) {
        return Map.of("tenderId", tender, "name", "景洪市农产品冷链仓储中心", "budget", new java.math.BigDecimal("600000.00"),
                "township", "嘎洒镇", "startDate", start, "endDate", end, "phase", "IMPLEMENTATION");
    }

    static UUID project(UUID tender) {
        return UUID.fromString(given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(projectBody(tender, "2021-01-01", "2021-12-31"))
                .post("/projects").then().statusCode(201).extract().path("id"));
    }

    /** The first event of that type on the topic for that subject. */
    static JsonNode awaitEvent(String topic, String subject, String type) {
        ConsumerRecord<String, String> record = Events.awaitRecord(topic,
                r -> subject.equals(r.key()) && r.value().contains("\"" + type + "\""), Duration.ofSeconds(30));
        try {
            return MAPPER.readTree(record.value());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
