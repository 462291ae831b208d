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
import static cn.ruralfund.platform.testing.Money.yuan;
import static cn.ruralfund.platform.testing.Money.number;

@QuarkusTest
class LedgerAndMetricsTest {

    static {
        cn.ruralfund.platform.testing.Money.exact();
    }

    @Test
    void Ledger_balancesReconcileAcrossProgramDirectionProjectAndEnterprise() {
        Program program = program();
        String code = creditCode();
        String a = registered(project(program.id(), program.upwardDirection(), "1000000.00", false, code));
        String b = registered(project(program.id(), program.povertyDirection(), "200000.00", false, code));
        paid(a, "PRE_DISBURSEMENT", "500000.00");
        paid(b, "PRE_DISBURSEMENT", "50000.00");

        given().auth().oauth2(FINANCE).get("/programs/" + program.id() + "/balances").then().statusCode(200)
                .body("balances.allotted", yuan("5000000.00"))
                .body("balances.committed", yuan("1200000.00"))
                .body("balances.uncommitted", yuan("3800000.00"))
                .body("balances.paid", yuan("550000.00"))
                .body("balances.executionRate", number("0.11")) // T10: 550,000 / 5,000,000
                .body("directions.find { it.directionId == '" + program.povertyDirection() + "' }.balances.executionRate", number("0.1"));
        given().auth().oauth2(FINANCE).get("/projects/" + a + "/balances").then()
                .body("committed", yuan("1000000.00")).body("paid", yuan("500000.00")).body("recovered", yuan("0.00"));
        given().auth().oauth2(FINANCE).get("/enterprises/" + code + "/balances").then()
                .body("committed", yuan("1200000.00")).body("paid", yuan("550000.00"));
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
