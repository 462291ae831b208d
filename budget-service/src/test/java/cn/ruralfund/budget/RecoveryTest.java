package cn.ruralfund.budget;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static cn.ruralfund.budget.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static cn.ruralfund.platform.testing.Money.yuan;

@QuarkusTest
class RecoveryTest {

    static {
        cn.ruralfund.platform.testing.Money.exact();
    }

    @Test
    void R8_failedAcceptanceStopsTheProjectAndOrdersPreDisbursementRecovered() {
        Program program = program();
        String projectId = registered(program, "200000.00");
        paid(projectId, "PRE_DISBURSEMENT", "60000.00");
        String pending = requested(projectId, "PRE_DISBURSEMENT", "10000.00");

        acceptance(projectId, "FAIL", "DEADLINE_MISSED");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> budget(projectId).body("status", equalTo("STOPPED")));
        budget(projectId).body("committed", yuan("60000.00")).body("preDisbursementRequested", yuan("60000.00"));
        given().auth().oauth2(OFFICE).get("/disbursements/" + pending).then().body("status", equalTo("CANCELLED"));
        String recoveryId = given().auth().oauth2(FINANCE).get("/projects/" + projectId + "/recoveries").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].rule", equalTo("R8")).body("[0].amount", yuan("60000.00"))
                .extract().path("[0].id");
        request(projectId, "PRE_DISBURSEMENT", "1.00", null).statusCode(409).body("type", equalTo("https://ruralfund.cn/problems/project-stopped"));

        receipt(recoveryId, "60000.01", null).statusCode(422).body("type", equalTo("https://ruralfund.cn/problems/recovery-exceeds-outstanding"));
        String key = UUID.randomUUID().toString();
        receipt(recoveryId, "20000.00", key).statusCode(201).body("outstanding", yuan("40000.00"));
        receipt(recoveryId, "20000.00", key).statusCode(201).header("Idempotent-Replayed", "true").body("outstanding", yuan("40000.00"));
        receipt(recoveryId, "40000.00", null).statusCode(201).body("status", equalTo("COMPLETED"));
        budget(projectId).body("recovered", yuan("60000.00")).body("committed", yuan("0.00"));
        given().auth().oauth2(OFFICE).get("/programs/" + program.id() + "/balances").then()
                .body("balances.committed", yuan("0.00")).body("balances.paid", yuan("60000.00"))
                .body("balances.recovered", yuan("60000.00")).body("balances.uncommitted", yuan("5000000.00"));
    }

    /**
     * R11: the enterprise's role in the program ends. Its other project, with a live request, stops too (the request is
     * cancelled) and nothing is recovered there; the violation's project recovers the violation's amount.
     */
    @Test
    void R11_disqualificationStopsEveryProjectAndRecoversWhereTheViolationHappened() {
        Program program = program();
        String code = creditCode();
        String a = registered(project(program.id(), program.upwardDirection(), "100000.00", false, code));
        String b = registered(project(program.id(), program.povertyDirection(), "50000.00", false, code));
        paid(a, "PRE_DISBURSEMENT", "50000.00");
        paid(b, "PRE_DISBURSEMENT", "10000.00");
        String live = requested(b, "PRE_DISBURSEMENT", "5000.00");
        violation(a, code, "FRAUD", "R11", "30000.00");
        disqualified(code, program.id(), "R11", List.of());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> budget(b).body("status", equalTo("STOPPED")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> budget(a).body("status", equalTo("STOPPED")));
        given().auth().oauth2(OFFICE).get("/disbursements/" + live).then().body("status", equalTo("CANCELLED"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(FINANCE).get("/projects/" + a + "/recoveries").then()
                .body("size()", equalTo(1)).body("[0].rule", equalTo("R11")).body("[0].cause", equalTo("VIOLATION_CONFIRMED"))
                .body("[0].amount", yuan("30000.00")));
        given().auth().oauth2(FINANCE).get("/projects/" + b + "/recoveries").then().body("size()", equalTo(0));
    }

    /** R12, R13, R14: a missed deadline is recovered under its own rule, never labelled a fraud (R11). */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"R12", "R13", "R14"})
    void R12_R13_R14_recoveryCarriesTheRuleOfTheDisqualification(String rule) {
        Program program = program();
        String code = creditCode();
        String a = registered(project(program.id(), program.upwardDirection(), "100000.00", false, code));
        paid(a, "PRE_DISBURSEMENT", "20000.00");
        disqualified(code, program.id(), rule, List.of(a));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(FINANCE).get("/projects/" + a + "/recoveries").then()
                .body("size()", equalTo(1)).body("[0].rule", equalTo(rule)).body("[0].cause", equalTo("ENTERPRISE_DISQUALIFIED"))
                .body("[0].amount", yuan("20000.00")));
    }

    /** R15: the violation carries the amount; the disqualification stops. Either arrival order recovers that amount once. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(booleans = {true, false})
    void R15_theViolationsAmountIsRecoveredInEitherArrivalOrder(boolean violationFirst) {
        Program program = program();
        String code = creditCode();
        String a = registered(project(program.id(), program.upwardDirection(), "100000.00", false, code));
        paid(a, "PRE_DISBURSEMENT", "40000.00");
        if (violationFirst) {
            violation(a, code, "DUPLICATE_CLAIM", "R15", "12345.67");
            disqualified(code, program.id(), "R15", List.of());
        } else {
            disqualified(code, program.id(), "R15", List.of());
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> budget(a).body("status", equalTo("STOPPED")));
            violation(a, code, "DUPLICATE_CLAIM", "R15", "12345.67");
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(FINANCE).get("/projects/" + a + "/recoveries")
                .then().body("size()", equalTo(1)).body("[0].rule", equalTo("R15")).body("[0].amount", yuan("12345.67")));
        budget(a).body("status", equalTo("STOPPED"));
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
