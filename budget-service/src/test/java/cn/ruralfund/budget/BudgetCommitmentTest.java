package cn.ruralfund.budget;

import cn.ruralfund.platform.contracts.ProjectRegisteredV1;
import cn.ruralfund.platform.testing.Events;
import cn.ruralfund.platform.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import static cn.ruralfund.budget.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static cn.ruralfund.platform.testing.Money.yuan;

@QuarkusTest
class BudgetCommitmentTest {

    static {
        cn.ruralfund.platform.testing.Money.exact();
    }

    @Test
    void Budget_committedOnProjectRegisteredAndAnnounced() {
        Program program = program();
        String code = creditCode();
        String projectId = registered(project(program.id(), program.upwardDirection(), "800000.00", false, code));

        budget(projectId).body("committed", yuan("800000.00")).body("status", equalTo("COMMITTED"))
                .body("preDisbursable", yuan("400000.00")).body("enterpriseCreditCode", equalTo(code))
                .body("dedicatedAccount.accountNumber", equalTo(ACCOUNT));
        var event = Events.awaitRecord("ruralfund.budget.events",
                r -> projectId.equals(r.key()) && r.value().contains("budget-committed"), Duration.ofSeconds(30));
        assertThat(event.value()).contains("cn.ruralfund.budget.budget-committed.v1");
        assertThat(json(event.value()).at("/data/committed").decimalValue()).isEqualByComparingTo("800000.00");
        given().auth().oauth2(OFFICE).get("/programs/" + program.id() + "/balances").then().statusCode(200)
                .body("balances.committed", yuan("800000.00"))
                .body("balances.uncommitted", yuan("4200000.00"))
                .body("directions.find { it.directionId == '" + program.upwardDirection() + "' }.balances.uncommitted", yuan("3700000.00"));
    }

    @Test
    void Budget_refusedBeyondDirectionRemainingAndProjectServiceHears() {
        Program program = program();
        registered(project(program.id(), program.povertyDirection(), "300000.00", false, creditCode()));
        ProjectRegisteredV1 over = project(program.id(), program.povertyDirection(), "200000.01", false, creditCode());
        send(ProjectRegisteredV1.TYPE, over.projectId().toString(), over);

        var refused = Events.awaitRecord("ruralfund.budget.events",
                r -> over.projectId().toString().equals(r.key()) && r.value().contains("budget-refused"), Duration.ofSeconds(30));
        assertThat(refused.value()).contains("https://ruralfund.cn/problems/direction-allocation-exceeded");
        assertThat(json(refused.value()).at("/data/remaining").decimalValue()).isEqualByComparingTo("200000.00");
        given().auth().oauth2(OFFICE).get("/projects/" + over.projectId() + "/budget").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(OFFICE).get("/programs/" + program.id() + "/balances").then()
                .body("directions.find { it.directionId == '" + program.povertyDirection() + "' }.balances.committed", yuan("300000.00"));
    }

    @Test
    void Budget_registeredTwiceIsCommittedOnce() {
        Program program = program();
        ProjectRegisteredV1 p = project(program.id(), program.upwardDirection(), "100000.00", false, creditCode());
        registered(p);
        send(ProjectRegisteredV1.TYPE, p.projectId().toString(), p); // a re-announcement with a new event id
        registered(project(program.id(), program.upwardDirection(), "1.00", false, creditCode())); // a later event on the topic
        given().auth().oauth2(OFFICE).get("/programs/" + program.id() + "/balances").then()
                .body("balances.committed", yuan("100001.00"));
    }

    @Test
    void F5_amendmentsKeepHistoryStayWithinTheDirectionAndNeedTheLeadingGroupAboveTheRegisteredBudget() {
        Program program = program();
        String projectId = registered(project(program.id(), program.povertyDirection(), "200000.00", false, creditCode()));
        amend(projectId, "250000.00", "增加冷链设备").statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://ruralfund.cn/problems/f5-amendment-above-registered-budget"));
        amend(LEADERS, projectId, "250000.00", "增加冷链设备", null).statusCode(422)
                .body("type", equalTo("https://ruralfund.cn/problems/f5-amendment-above-registered-budget"));
        budget(projectId).body("committed", yuan("200000.00"));
        amend(LEADERS, projectId, "250000.00", "增加冷链设备", "JHLD-2021-07").statusCode(200).body("committed", yuan("250000.00"))
                .body("revision", equalTo(2));
        amend(projectId, "150000.00", "调减").statusCode(200).body("committed", yuan("150000.00"));
        amend(LEADERS, projectId, "500000.01", "超出", "JHLD-2021-08").statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://ruralfund.cn/problems/direction-allocation-exceeded"));
        amend(projectId, "-1", "负数").statusCode(400).contentType("application/problem+json");
        amend(projectId, "1.001", "三位小数").statusCode(400);
        given().auth().oauth2(FINANCE).contentType(ContentType.JSON).body("{\"committed\": 1, \"reason\": \"x\"}")
                .post("/projects/" + projectId + "/budget/amendments").then().statusCode(403).contentType("application/problem+json");

        given().auth().oauth2(AUDITOR).get("/projects/" + projectId + "/budget/revisions").then().statusCode(200)
                .body("revision", equalTo(List.of(1, 2, 3)))
                .body("change", equalTo(List.of(new BigDecimal("200000.00"), new BigDecimal("50000.00"), new BigDecimal("-100000.00"))))
                .body("reason", hasItems("增加冷链设备 (领导小组决定 JHLD-2021-07)", "调减"));
        budget(projectId).body("committed", yuan("150000.00"));
        given().auth().oauth2(OFFICE).get("/projects/" + projectId + "/ledger").then()
                .body("kind", equalTo(List.of("COMMIT", "COMMIT", "RELEASE")));
        given().auth().oauth2(AUDITOR).get("/projects/" + projectId + "/history").then()
                .body("action", hasItems("budget.committed", "budget.amended"));
    }

    @Test
    void Allocation_changesWithinTotalAndNeverBelowCommitments() {
        Program program = program();
        registered(project(program.id(), program.povertyDirection(), "300000.00", false, creditCode()));
        String path = "/programs/" + program.id() + "/directions/" + program.povertyDirection() + "/allocation";
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body("{\"allocation\": 299999.99, \"reason\": \"调整\"}").put(path)
                .then().statusCode(422).body("type", equalTo("https://ruralfund.cn/problems/allocation-below-committed"));
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body("{\"allocation\": 500000.01, \"reason\": \"调整\"}").put(path)
                .then().statusCode(422).body("type", equalTo("https://ruralfund.cn/problems/allocation-exceeds-total"));
        // move 100,000 from the upward direction to the poverty direction
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body("{\"allocation\": 4400000.00, \"reason\": \"调整\"}")
                .put("/programs/" + program.id() + "/directions/" + program.upwardDirection() + "/allocation").then().statusCode(200);
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body("{\"allocation\": 600000.00, \"reason\": \"调整\"}").put(path)
                .then().statusCode(200).body("previousAllocation", yuan("500000.00"));
        given().auth().oauth2(OFFICE).get("/programs/" + program.id() + "/balances").then()
                .body("balances.allotted", yuan("5000000.00"))
                .body("directions.find { it.directionId == '" + program.povertyDirection() + "' }.balances.allotted", yuan("600000.00"));
    }

    @Test
    void unknownProjectAndEnterpriseIsolation() {
        Program program = program();
        String mine = creditCode();
        String projectId = registered(project(program.id(), program.upwardDirection(), "10000.00", false, mine));
        given().auth().oauth2(Tokens.enterprise(mine)).get("/projects/" + projectId + "/budget").then().statusCode(200);
        given().auth().oauth2(Tokens.enterprise(creditCode())).get("/projects/" + projectId + "/budget").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.enterprise(creditCode())).get("/enterprises/" + mine + "/balances").then().statusCode(403);
        given().auth().oauth2(Tokens.enterprise(mine)).get("/enterprises/" + mine + "/balances").then().statusCode(200)
                .body("committed", yuan("10000.00"));
        given().auth().oauth2(Tokens.enterprise(mine)).get("/programs/" + program.id() + "/balances").then().statusCode(403);
        given().get("/projects/" + projectId + "/budget").then().statusCode(401);
        given().auth().oauth2(OFFICE).get("/projects/" + java.util.UUID.randomUUID() + "/budget").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.enterprise(mine)).get("/projects").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].projectId", equalTo(projectId));
    }

    static io.restassured.response.ValidatableResponse amend(String projectId, String committed, String reason) {
        return amend(OFFICE, projectId, committed, reason, null);
    }

    static io.restassured.response.ValidatableResponse amend(String token, String projectId, String committed, String reason, String decision) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"committed\": " + committed + ", \"reason\": \"" + reason + "\""
                        + (decision == null ? "" : ", \"decisionReference\": \"" + decision + "\"") + "}")
                .post("/projects/" + projectId + "/budget/amendments").then();
    }

    static com.fasterxml.jackson.databind.JsonNode json(String s) {
        try {
            return MAPPER.readTree(s);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
