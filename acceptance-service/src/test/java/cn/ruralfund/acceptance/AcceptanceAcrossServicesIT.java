package cn.ruralfund.acceptance;

import cn.ruralfund.platform.contracts.ProjectRegisteredV1;
import cn.ruralfund.platform.testing.Events;
import cn.ruralfund.platform.testing.ServiceProcess;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.ruralfund.acceptance.Fixtures.AUDITOR;
import static cn.ruralfund.acceptance.Fixtures.OFFICE;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged acceptance-service and budget-service as separate processes on the real broker and database: a
 * program created in budget-service gives the acceptance deadline; application → reviews → PASS → audit below the
 * budget in acceptance-service; budget-service then shows acceptance and audit met and the payable amount capped by
 * the audit.
 */
class AcceptanceAcrossServicesIT {

    static ServiceProcess budget;
    static ServiceProcess acceptance;
    static final ObjectMapper MAPPER = new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(Files.exists(Path.of("..", "budget-service", "target", "quarkus-app", "quarkus-run.jar")),
                "budget-service is not packaged (a full ./mvnw verify builds it before this module)");
        budget = ServiceProcess.start("budget-service", "budget_acc_it", Map.of());
        acceptance = ServiceProcess.start("acceptance-service", "acceptance_it", Map.of());
        URI url = URI.create(acceptance.url());
        RestAssured.baseURI = url.getScheme() + "://" + url.getHost();
        RestAssured.port = url.getPort();
    }

    @AfterAll
    static void stop() throws Exception {
        RestAssured.reset();
        if (acceptance != null) {
            acceptance.close();
        }
        if (budget != null) {
            budget.close();
        }
    }

    @Test
    void passAndAuditInAcceptanceMeetBudgetServicesPreconditionsAndCapThePayment() throws Exception {
        // budget-service: a program running until 2099 (so the real clock is before the acceptance deadline)
        String program = Files.readString(Path.of("..", "seed", "jinghong-2020", "program.json"))
                .replace("2020年景洪市电子商务进农村综合示范项目奖励资金", "acceptance crossing " + UUID.randomUUID())
                .replace("\"periodEnd\": \"2022-12\"", "\"periodEnd\": \"2099-12\"");
        JsonNode created = MAPPER.readTree(given().baseUri(budget.url()).auth().oauth2(OFFICE).contentType(ContentType.JSON).body(program)
                .post("/programs").then().statusCode(201).extract().asString());
        UUID programId = UUID.fromString(created.path("id").asText());
        UUID directionId = null;
        for (JsonNode d : created.path("directions")) {
            if (d.path("name").asText().equals("农产品上行体系建设")) {
                directionId = UUID.fromString(d.path("id").asText());
            }
        }
        assertThat(directionId).isNotNull();

        // project-service registers the project (sent here as it would)
        String enterprise = Fixtures.creditCode();
        UUID project = UUID.randomUUID();
        Events.send(ProjectRegisteredV1.TYPE, project.toString(), new ProjectRegisteredV1(project, programId, directionId,
                "冷链仓储中心 " + project, "冷链仓储", false, enterprise, "景洪某冷链物流有限公司",
                new BigDecimal("800000.00"), new ProjectRegisteredV1.DedicatedAccount("中国农业银行景洪市支行", "专户", "24170101040009876"),
                List.of(), OffsetDateTime.now()));
        await().atMost(Duration.ofSeconds(60)).until(() -> given().baseUri(budget.url()).auth().oauth2(OFFICE)
                .get("/projects/" + project + "/budget").statusCode() == 200);
        await().atMost(Duration.ofSeconds(60)).until(() -> "2099-12-31".equals(given().auth().oauth2(OFFICE)
                .get("/projects/" + project).then().extract().path("deadline")));

        // acceptance-service: application, reviews, PASS, audit below the budget
        UUID application = Fixtures.completeApplication(enterprise, project);
        Fixtures.reviewed(application);
        Fixtures.conclude(application, "PASS").statusCode(200);
        given().auth().oauth2(AUDITOR).contentType(ContentType.JSON)
                .body(Map.of("auditFirm", "云南某会计师事务所", "reportNumber", "云审字〔2099〕第001号", "auditedEligibleAmount", "700000.00"))
                .post("/applications/" + application + "/audit").then().statusCode(201);

        // budget-service heard both over the broker
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode payment = MAPPER.readTree(given().baseUri(budget.url()).auth().oauth2(OFFICE)
                    .get("/projects/" + project + "/acceptance-payment").then().statusCode(200).extract().asString());
            assertThat(met(payment, "ACCEPTANCE_PASSED")).isTrue();
            assertThat(met(payment, "AUDIT_RECORDED")).isTrue();
            assertThat(payment.path("missing").toString()).doesNotContain("ACCEPTANCE_PASSED").doesNotContain("AUDIT_RECORDED");
            assertThat(payment.path("auditedEligibleAmount").decimalValue()).isEqualByComparingTo("700000.00");
            assertThat(payment.path("payableCap").decimalValue()).isEqualByComparingTo("700000.00");
        });
    }

    private static boolean met(JsonNode payment, String code) {
        for (JsonNode c : payment.path("preconditions")) {
            if (c.path("code").asText().equals(code)) {
                return c.path("met").asBoolean();
            }
        }
        throw new AssertionError("no precondition " + code + " in " + payment);
    }
}
