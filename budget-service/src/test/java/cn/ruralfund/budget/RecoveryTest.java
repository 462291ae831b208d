package cn.ruralfund.budget;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import static cn.ruralfund.budget.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class RecoveryTest {

    @Test
    void R8_failedAcceptanceStopsTheProjectAndOrdersPreDisbursementRecovered() {
        Program program = program();
        String projectId = registered(program, "200000.00");
        paid(projectId, "PRE_DISBURSEMENT", "60000.00");
        String pending = requested(projectId, "PRE_DISBURSEMENT", "10000.00");

        acceptance(projectId, "FAIL", "DEADLINE_MISSED");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> budget(projectId).body("status", equalTo("STOPPED")));
        budget(projectId).body("committed", equalTo(60000.00f)).body("preDisbursementRequested", equalTo(60000.00f));
        given().auth().oauth2(OFFICE).get("/disbursements/" + pending).then().body("status", equalTo("CANCELLED"));
        String recoveryId = given().auth().oauth2(FINANCE).get("/projects/" + projectId + "/recoveries").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].rule", equalTo("R8")).body("[0].amount", equalTo(60000.00f))
                .extract().path("[0].id");
        request(projectId, "PRE_DISBURSEMENT", "1.00", null).statusCode(409).body("type", equalTo("https://ruralfund.cn/problems/project-stopped"));

        receipt(recoveryId, "60000.01", null).statusCode(422).body("type", equalTo("https://ruralfund.cn/problems/recovery-exceeds-outstanding"));
        String key = UUID.randomUUID().toString();
        receipt(recoveryId, "20000.00", key).statusCode(201).body("outstanding", equalTo(40000.00f));
        receipt(recoveryId, "20000.00", key).statusCode(201).header("Idempotent-Replayed", "true").body("outstanding", equalTo(40000.00f));
        receipt(recoveryId, "40000.00", null).statusCode(201).body("status", equalTo("COMPLETED"));
        budget(projectId).body("recovered", equalTo(60000.00f)).body("committed", equalTo(0.00f));
        given().auth().oauth2(OFFICE).get("/programs/" + program.id() + "/balances").then()
                .body("balances.committed", equalTo(0.00f)).body("balances.paid", equalTo(60000.00f))
                .body("balances.recovered", equalTo(60000.00f)).body("balances.uncommitted", equalTo(5000000.00f));
    }

    @Test
    void R11_disqualifiedEnterpriseHasEveryProjectStoppedAndRecovered() {
        Program program = program();
        String code = creditCode();
        String a = registered(project(program.id(), program.upwardDirection(), "100000.00", false, code));
        String b = registered(project(program.id(), program.povertyDirection(), "50000.00", false, code));
        paid(a, "PRE_DISBURSEMENT", "50000.00");
        disqualified(code, "R12");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> budget(b).body("status", equalTo("STOPPED")));
        budget(a).body("status", equalTo("STOPPED"));
        given().auth().oauth2(FINANCE).get("/projects/" + a + "/recoveries").then()
                .body("[0].rule", equalTo("R11")).body("[0].cause", equalTo("ENTERPRISE_DISQUALIFIED")).body("[0].amount", equalTo(50000.00f));
        given().auth().oauth2(FINANCE).get("/projects/" + b + "/recoveries").then().body("size()", equalTo(0)); // nothing paid
    }

    @Test
    void R15_confirmedDuplicateClaimOrdersThatAmountRecovered() {
        String code = creditCode();
        Program program = program();
        String projectId = registered(project(program.id(), program.upwardDirection(), "100000.00", false, code));
        paid(projectId, "PRE_DISBURSEMENT", "40000.00");
        violation(projectId, code, "DUPLICATE_CLAIM", "R15", "12345.67");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(FINANCE).get("/projects/" + projectId + "/recoveries")
                .then().body("size()", equalTo(1)).body("[0].rule", equalTo("R15")).body("[0].amount", equalTo(12345.67f)));
        budget(projectId).body("status", equalTo("STOPPED"));
    }

    static io.restassured.response.ValidatableResponse receipt(String recoveryId, String amount, String key) {
        var spec = given().auth().oauth2(FINANCE).contentType(ContentType.JSON);
        if (key != null) {
            spec = spec.header("Idempotency-Key", key);
        }
        return spec.body("{\"amount\": " + amount + ", \"receivedOn\": \"" + LocalDate.now().minusDays(1) + "\", \"voucherNumber\": \"R-"
                + UUID.randomUUID() + "\"}").post("/recoveries/" + recoveryId + "/receipts").then();
    }
}
