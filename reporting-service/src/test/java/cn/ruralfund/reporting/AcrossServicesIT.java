package cn.ruralfund.reporting;

import cn.ruralfund.platform.testing.Postgres;
import cn.ruralfund.platform.testing.ServiceProcess;
import cn.ruralfund.platform.testing.Tokens;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The packaged budget-service and reporting-service as separate processes on the real broker and
 * database: an event crosses from one to the other, and survives its publisher being killed.
 */
class AcrossServicesIT {

    static {
        cn.ruralfund.platform.testing.Money.exact(); // JSON numbers as BigDecimal: money compared exactly
    }

    static final String OFFICE = Tokens.of("COMMERCE_OFFICE");
    static ServiceProcess reporting;

    @BeforeAll
    static void startReporting() throws Exception {
        reporting = ServiceProcess.start("reporting-service", "reporting_it", Map.of());
    }

    @AfterAll
    static void stopReporting() throws Exception {
        reporting.close();
    }

    static String program(String name) throws Exception {
        return Files.readString(Path.of("../seed/jinghong-2020/program.json")).replace("2020年景洪市电子商务进农村综合示范项目奖励资金", name);
    }

    static String create(ServiceProcess budget, String name) throws Exception {
        return given().baseUri(budget.url()).auth().oauth2(OFFICE).contentType(ContentType.JSON).body(program(name))
                .post("/programs").then().statusCode(201).extract().path("id");
    }

    static void awaitAllotted(String programId) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().baseUri(reporting.url()).auth().oauth2(OFFICE).get("/programs/" + programId).then()
                        .statusCode(200).body("allotted", cn.ruralfund.platform.testing.Money.yuan("5000000.00")));
    }

    @Test
    void programCreatedInBudgetServiceShowsInReportingService() throws Exception {
        try (ServiceProcess budget = ServiceProcess.start("budget-service", "budget_it", Map.of())) {
            String id = create(budget, "crossing " + UUID.randomUUID());
            awaitAllotted(id);
        }
    }

    /** R16 across services: reporting-service finds a monthly report missed and project-service issues a data-reporting notice. */
    @Test
    void R16_overdueReportBecomesADataReportingNoticeInProjectService() throws Exception {
        String enterprise = Fixtures.creditCode();
        try (ServiceProcess project = ServiceProcess.start("project-service", "project_it", Map.of())) {
            given().baseUri(project.url()).auth().oauth2(OFFICE).contentType(ContentType.JSON)
                    .body(Map.of("name", "景洪测试农业有限公司 " + enterprise, "creditCode", enterprise, "legalRepresentative", "岩温",
                            "contact", "0691-0000000", "fundAccount", Map.of("bank", "农业银行景洪支行", "accountName", "景洪测试农业有限公司",
                                    "accountNumber", "6228" + System.nanoTime())))
                    .post("/enterprises").then().statusCode(201);
            given().baseUri(reporting.url()).auth().oauth2(OFFICE).contentType(ContentType.JSON)
                    .body(Map.of("enterpriseCreditCode", enterprise, "firstPeriod", "2021-01", "lastPeriod", "2021-01", "dueDay", 10))
                    .post("/reporting-obligations").then().statusCode(201);
            given().baseUri(reporting.url()).auth().oauth2(OFFICE).post("/reporting-obligations/check").then().statusCode(200);

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                java.util.List<Map<String, Object>> notices = given().baseUri(project.url()).auth().oauth2(OFFICE).get("/notices")
                        .then().statusCode(200).extract().jsonPath().getList("$");
                assertThat(notices).anySatisfy(n -> {
                    assertThat(n.get("kind")).isEqualTo("DATA_REPORTING");
                    assertThat(n.get("reason").toString()).contains("2021-01").contains("2021-02-10");
                });
            });
        }
    }

    @Test
    void Backbone_eventCommittedButNotPublishedWhenTheServiceDiesIsPublishedAfterRestart() throws Exception {
        ServiceProcess budget = ServiceProcess.start("budget-service", "budget_it", Map.of("platform.outbox.relay.enabled", "false"));
        String id = create(budget, "outbox " + UUID.randomUUID());
        budget.kill(); // SIGKILL after the commit, before any publication

        try (Connection db = Postgres.connect("budget_it");
             var unsent = db.prepareStatement("select count(*) from outbox_event where event_key = ? and sent_at is null")) {
            unsent.setString(1, id);
            var rs = unsent.executeQuery();
            rs.next();
            assertThat(rs.getInt(1)).as("the program's events (program-created, program-rules-set) are committed in the outbox, not sent")
                    .isEqualTo(2);
        }
        given().baseUri(reporting.url()).auth().oauth2(OFFICE).get("/programs/" + id).then().statusCode(404);

        try (ServiceProcess restarted = ServiceProcess.start("budget-service", "budget_it", Map.of())) {
            awaitAllotted(id);
        }
    }
}
