package cn.ruralfund.budget;

import cn.ruralfund.platform.testing.Events;
import cn.ruralfund.platform.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;
import static cn.ruralfund.platform.testing.Money.yuan;

@QuarkusTest
class ProgramResourceTest {

    static {
        cn.ruralfund.platform.testing.Money.exact();
    }

    static final String OFFICE = Tokens.of("COMMERCE_OFFICE");

    static String jinghong2020(String name) throws Exception {
        return Files.readString(Path.of("../seed/jinghong-2020/program.json")).replace("2020年景洪市电子商务进农村综合示范项目奖励资金", name);
    }

    static String create(String body) {
        return given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(body)
                .when().post("/programs")
                .then().statusCode(201).extract().path("id");
    }

    @Test
    void F1_F3_jinghong2020ProgramIsCreatedAndAnnounced() throws Exception {
        String id = create(jinghong2020("F1 " + UUID.randomUUID()));

        given().auth().oauth2(Tokens.of("FINANCE")).get("/programs/" + id).then().statusCode(200)
                .body("county", equalTo("景洪市"))
                .body("total", yuan("5000000.00"))
                .body("allocated", yuan("5000000.00"))
                .body("directions.name", hasItems("电商精准扶贫体系建设", "农产品上行体系建设"))
                .body("directions.allocation", hasItems(new java.math.BigDecimal("500000.00"), new java.math.BigDecimal("4500000.00")))
                .body("phases.code", hasItems("LAUNCH", "IMPLEMENTATION", "IMPROVEMENT"));

        var event = Events.awaitOn("ruralfund.budget.events", id);
        assertThat(event.get("type").asText()).isEqualTo("cn.ruralfund.budget.program-created.v1");
        assertThat(event.get("specversion").asText()).isEqualTo("1.0");
        assertThat(event.at("/data/total").toString()).as("money keeps its fen").isEqualTo("5000000.00");
        assertThat(event.at("/data/directions").size()).isEqualTo(2);

        given().auth().oauth2(Tokens.of("AUDITOR")).get("/programs/" + id + "/history").then().statusCode(200)
                .body("action", hasItems("program.created"))
                .body("actor", hasItems("commerce_office@dev"));
    }

    @Test
    void allocationsBeyondTheTotalAreRefusedAndNothingIsWritten() throws Exception {
        String name = "over " + UUID.randomUUID();
        String body = jinghong2020(name).replace("4500000.00", "4500000.01");
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(body).post("/programs")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://ruralfund.cn/problems/allocation-exceeds-total"));
        given().auth().oauth2(OFFICE).get("/programs").then().statusCode(200)
                .body("findAll { it.name == '" + name + "' }.size()", equalTo(0));
    }

    @Test
    void duplicateProgramIsRefused() throws Exception {
        String body = jinghong2020("dup " + UUID.randomUUID());
        create(body);
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(body).post("/programs")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://ruralfund.cn/problems/duplicate-program"));
    }

    @Test
    void badAmountsListEachBadField() throws Exception {
        String body = jinghong2020("bad " + UUID.randomUUID())
                .replace("5000000.00", "-1").replace("500000.00", "1.234");
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(body).post("/programs")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://ruralfund.cn/problems/invalid-fields"))
                .body("errors.field", hasItems("total", "directions[0].allocation"));
    }

    @Test
    void malformedJsonIsA400Problem() {
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body("{\"county\": ").post("/programs")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://ruralfund.cn/problems/malformed-json"));
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body("{\"year\": \"twenty\"}").post("/programs")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", startsWith("https://ruralfund.cn/problems/"));
    }

    @Test
    void wrongRoleAndNoTokenAreRefused() throws Exception {
        String body = jinghong2020("role " + UUID.randomUUID());
        given().auth().oauth2(Tokens.of("FINANCE")).contentType(ContentType.JSON).body(body).post("/programs")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("https://ruralfund.cn/problems/forbidden"));
        given().contentType(ContentType.JSON).body(body).post("/programs")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(Tokens.enterprise("91532801MA6K5XYZ1A")).get("/programs")
                .then().statusCode(403);
    }

    @Test
    void unknownProgramIs404Problem() {
        given().auth().oauth2(OFFICE).get("/programs/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://ruralfund.cn/problems/not-found"));
        given().auth().oauth2(OFFICE).get("/programs/not-a-uuid")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
