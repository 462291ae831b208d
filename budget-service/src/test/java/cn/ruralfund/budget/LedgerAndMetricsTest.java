package cn.ruralfund.budget;

import io.quarkus.test.common.http.TestHTTPResourceManager;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static cn.ruralfund.budget.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class LedgerAndMetricsTest {

    @Test
    void Ledger_balancesReconcileAcrossProgramDirectionProjectAndEnterprise() {
        Program program = program();
        String code = creditCode();
        String a = registered(project(program.id(), program.upwardDirection(), "1000000.00", false, code));
        String b = registered(project(program.id(), program.povertyDirection(), "200000.00", false, code));
        paid(a, "PRE_DISBURSEMENT", "500000.00");
        paid(b, "PRE_DISBURSEMENT", "50000.00");

        given().auth().oauth2(FINANCE).get("/programs/" + program.id() + "/balances").then().statusCode(200)
                .body("balances.allotted", equalTo(5000000.00f))
                .body("balances.committed", equalTo(1200000.00f))
                .body("balances.uncommitted", equalTo(3800000.00f))
                .body("balances.paid", equalTo(550000.00f))
                .body("balances.executionRate", equalTo(0.11f)) // T10: 550,000 / 5,000,000
                .body("directions.find { it.directionId == '" + program.povertyDirection() + "' }.balances.executionRate", equalTo(0.1f));
        given().auth().oauth2(FINANCE).get("/projects/" + a + "/balances").then()
                .body("committed", equalTo(1000000.00f)).body("paid", equalTo(500000.00f)).body("recovered", equalTo(0.00f));
        given().auth().oauth2(FINANCE).get("/enterprises/" + code + "/balances").then()
                .body("committed", equalTo(1200000.00f)).body("paid", equalTo(550000.00f));
        given().auth().oauth2(FINANCE).get("/programs/" + program.id() + "/ledger").then()
                .body("findAll { it.kind == 'ALLOT' }.size()", equalTo(2))
                .body("findAll { it.kind == 'PRE_DISBURSE' }.size()", equalTo(2));
    }

    @Test
    void T10_moneyGaugesOnPrometheus() {
        Program program = program();
        String p = registered(program, "300000.00");
        paid(p, "PRE_DISBURSEMENT", "150000.00");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().baseUri(TestHTTPResourceManager.getManagementUri()).get("/metrics").then().statusCode(200)
                .body(containsString("ruralfund_budget_money_yuan{kind=\"paid\",program=\"" + program.id() + "\"} 150000.0"))
                .body(containsString("ruralfund_budget_money_yuan{kind=\"committed\",program=\"" + program.id() + "\"} 300000.0"))
                .body(containsString("ruralfund_budget_execution_rate{program=\"" + program.id() + "\"} 0.03")));
    }
}
