package cn.ruralfund.acceptance;

import cn.ruralfund.platform.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** An official of another county (辖区) sees neither Jinghong's projects nor their acceptance applications. */
@QuarkusTest
class CountyScopeTest {

    @Test
    void CountyScope_anotherCountysOfficialSeesNeitherItsProjectsNorItsApplications() {
        Fixtures.today("2022-06-01"); // within the program's period, before its acceptance deadline
        String enterprise = Fixtures.creditCode();
        UUID project = Fixtures.project(Fixtures.program(YearMonth.of(2022, 12)), enterprise);
        UUID application = Fixtures.apply(enterprise, project);
        String menghai = Tokens.ofCounty("COMMERCE_OFFICE", "勐海县");
        String jinghong = Tokens.ofCounty("COMMERCE_OFFICE", "景洪市");

        for (String path : List.of("/projects/" + project, "/applications/" + application)) {
            given().auth().oauth2(menghai).get(path).then().statusCode(403).contentType("application/problem+json");
            given().auth().oauth2(jinghong).get(path).then().statusCode(200);
        }
        given().auth().oauth2(menghai).get("/projects").then().statusCode(200).body("id", not(hasItem(project.toString())));
        given().auth().oauth2(jinghong).get("/projects").then().statusCode(200).body("id", hasItem(project.toString()));
        given().auth().oauth2(menghai).get("/applications").then().statusCode(200).body("id", not(hasItem(application.toString())));
        given().auth().oauth2(jinghong).get("/applications").then().statusCode(200).body("id", hasItem(application.toString()));
        given().auth().oauth2(menghai).contentType("application/json").body("{\"complete\":true,\"note\":\"越权\"}")
                .post("/applications/" + application + "/initial-review").then().statusCode(403);
    }
}
