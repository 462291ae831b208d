package cn.ruralfund.budget;

import cn.ruralfund.platform.contracts.ProjectRegisteredV1;
import cn.ruralfund.platform.testing.Events;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static cn.ruralfund.budget.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

@QuarkusTest
class ExpenseTest {

    @Test
    void R1_prohibitedCategoriesAreSeededAndCannotBeEnabled() {
        given().auth().oauth2(OFFICE).get("/expense-categories").then().statusCode(200)
                .body("findAll { it.prohibited }.code", hasItems("ONLINE_TRADING_PLATFORM", "WORKING_EXPENSES", "TRAFFIC_PURCHASE"))
                .body("findAll { it.prohibited }.name", hasItems("网络交易平台建设", "工作经费", "购买流量"))
                .body("findAll { it.prohibited && it.enabled }.size()", equalTo(0));
        for (String code : List.of("ONLINE_TRADING_PLATFORM", "WORKING_EXPENSES", "TRAFFIC_PURCHASE")) {
            given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body("{\"enabled\": true}").put("/expense-categories/" + code + "/enabled")
                    .then().statusCode(422).contentType("application/problem+json")
                    .body("type", equalTo("https://ruralfund.cn/problems/r1-prohibited-use"));
        }
        given().auth().oauth2(OFFICE).get("/expense-categories").then().body("findAll { it.prohibited && it.enabled }.size()", equalTo(0));
    }

    @Test
    void R1_prohibitedExpenseLinesAreRefusedWhoeverAsks() {
        Program plan = program();
        String projectId = registered(projectWithoutPlan(plan.id(), plan.upwardDirection(), "100000.00", creditCode()));
        line(projectId, "TRAFFIC_PURCHASE", "直播间购买流量", "1000.00").statusCode(422)
                .body("type", equalTo("https://ruralfund.cn/problems/r1-prohibited-use"));
        line(projectId, "WORKING_EXPENSES", "办公经费", "1000.00").statusCode(422);
        line(projectId, "COLD_CHAIN_FACILITY", "冷库", "60000.00").statusCode(201);
        line(projectId, "LOGISTICS", "物流车", "40000.01").statusCode(422)
                .body("type", equalTo("https://ruralfund.cn/problems/expense-lines-exceed-budget"));
        line(projectId, "LOGISTICS", "物流车", "-5").statusCode(400);
        given().auth().oauth2(OFFICE).get("/projects/" + projectId + "/expense-lines").then().body("category", equalTo(List.of("COLD_CHAIN_FACILITY")));

        // a project registered with a prohibited line gets no budget
        Program program = program();
        ProjectRegisteredV1 base = project(program.id(), program.upwardDirection(), "50000.00", false, creditCode());
        ProjectRegisteredV1 withPlatform = new ProjectRegisteredV1(base.projectId(), base.programId(), base.directionId(), base.projectName(),
                base.task(), false, base.enterpriseCreditCode(), base.enterpriseName(), base.budget(), base.dedicatedAccount(),
                List.of(new ProjectRegisteredV1.ExpenseLine("ONLINE_TRADING_PLATFORM", "自建商城", new BigDecimal("20000.00"))), base.registeredAt());
        send(ProjectRegisteredV1.TYPE, base.projectId().toString(), withPlatform);
        var refused = Events.awaitRecord("ruralfund.budget.events",
                r -> base.projectId().toString().equals(r.key()) && r.value().contains("budget-refused"), Duration.ofSeconds(30));
        assertThat(refused.value()).contains("https://ruralfund.cn/problems/r1-prohibited-use");
    }

    /** R1: the expense plan (附件4), line by line in permitted categories, comes before any money. */
    @Test
    void R1_noMoneyBeforeAnExpensePlan() {
        Program program = program();
        String projectId = registered(projectWithoutPlan(program.id(), program.upwardDirection(), "100000.00", creditCode()));
        request(projectId, "PRE_DISBURSEMENT", "10000.00", null).statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://ruralfund.cn/problems/r1-expense-plan-required"));
        given().auth().oauth2(OFFICE).get("/projects/" + projectId + "/disbursements").then().body("size()", equalTo(0));
        line(projectId, "COLD_CHAIN_FACILITY", "冷库", "100000.00").statusCode(201);
        request(projectId, "PRE_DISBURSEMENT", "10000.00", null).statusCode(201);
    }

    /** R1: a prohibited use cannot come back as a new category under another code or name. */
    @Test
    void R1_aNewCategoryThatLooksLikeAProhibitedUseIsRefused() {
        for (String[] category : List.of(new String[]{"LIVE_TRAFFIC_BOOST", "直播推广"}, new String[]{"SHOP_ADS", "店铺流量推广"},
                new String[]{"MALL_BUILD", "县级网络交易平台建设"}, new String[]{"OFFICE_COSTS", "电商办工作经费"})) {
            given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body("{\"code\": \"" + category[0] + "\", \"name\": \"" + category[1] + "\"}")
                    .post("/expense-categories").then().statusCode(422).contentType("application/problem+json")
                    .body("type", equalTo("https://ruralfund.cn/problems/r1-prohibited-use"));
        }
        given().auth().oauth2(OFFICE).get("/expense-categories").then()
                .body("code", org.hamcrest.Matchers.not(hasItems("LIVE_TRAFFIC_BOOST")));
    }

    @Test
    void categoriesAreData() {
        String code = "LIVE_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase().replace("-", "");
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body("{\"code\": \"" + code + "\", \"name\": \"直播基地\"}")
                .post("/expense-categories").then().statusCode(201).body("enabled", equalTo(true));
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body("{\"enabled\": false}").put("/expense-categories/" + code + "/enabled")
                .then().statusCode(200).body("enabled", equalTo(false));
        given().auth().oauth2(FINANCE).contentType(ContentType.JSON).body("{\"code\": \"X_Y\", \"name\": \"x\"}")
                .post("/expense-categories").then().statusCode(403);
    }

    static io.restassured.response.ValidatableResponse line(String projectId, String category, String description, String amount) {
        return given().auth().oauth2(OFFICE).contentType(ContentType.JSON)
                .body("{\"category\": \"" + category + "\", \"description\": \"" + description + "\", \"amount\": " + amount + "}")
                .post("/projects/" + projectId + "/expense-lines").then();
    }
}
