package cn.ruralfund.project;

import cn.ruralfund.platform.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** An official of another county (辖区) neither sees nor acts on Jinghong's directions, tasks, tenders and projects. */
@QuarkusTest
class CountyScopeTest {

    static final String MENGHAI = Tokens.ofCounty("COMMERCE_OFFICE", "勐海县");
    static final String JINGHONG = Tokens.ofCounty("COMMERCE_OFFICE", "景洪市");

    @Test
    void CountyScope_anotherCountysOfficialNeitherSeesNorActsOnJinghongsProgram() {
        Fixtures.Program program = Fixtures.program();
        UUID enterprise = Fixtures.enterprise(Fixtures.creditCode());
        UUID task = Fixtures.task(program, false);
        UUID tender = Fixtures.openTender(task);
        Fixtures.award(tender, Fixtures.bid(tender, enterprise, "800000.00"));
        UUID project = Fixtures.project(tender);

        for (String list : List.of("/program-directions", "/tasks", "/tenders", "/projects")) {
            String field = list.equals("/program-directions") ? "directionId" : "id";
            Object mine = switch (list) {
                case "/program-directions" -> program.directionId().toString();
                case "/tasks" -> task.toString();
                case "/tenders" -> tender.toString();
                default -> project.toString();
            };
            given().auth().oauth2(MENGHAI).get(list).then().statusCode(200).body(field, not(hasItem(mine)));
            given().auth().oauth2(JINGHONG).get(list).then().statusCode(200).body(field, hasItem(mine));
        }
        for (String path : List.of("/tasks/" + task, "/tenders/" + tender, "/projects/" + project, "/projects/" + project + "/history")) {
            given().auth().oauth2(MENGHAI).get(path).then().statusCode(403).contentType("application/problem+json");
            given().auth().oauth2(JINGHONG).get(path).then().statusCode(200);
        }
        // nor creates in it: a task of its program, a tender of its task, a project of its tender, a notice on its project
        given().auth().oauth2(MENGHAI).contentType(ContentType.JSON).body(Map.of("programId", program.programId(), "directionId", program.directionId(),
                "name", "越权 " + UUID.randomUUID(), "category", "COLD_CHAIN_STORAGE", "buildFirstSubsidiseAfter", false,
                "responsibleUnits", List.of("县商务局"))).post("/tasks").then().statusCode(403);
        given().auth().oauth2(MENGHAI).contentType(ContentType.JSON).body(Map.of("taskId", task, "title", "越权", "reference", "X-" + UUID.randomUUID()))
                .post("/tenders").then().statusCode(403);
        given().auth().oauth2(MENGHAI).contentType(ContentType.JSON).body(Fixtures.projectBody(Fixtures.openTender(task), "2021-01-01", "2021-12-31"))
                .post("/projects").then().statusCode(403);
        given().auth().oauth2(MENGHAI).contentType(ContentType.JSON).body(Map.of("kind", "PROGRESS_DELAY", "reason", "越权", "deadline", "2021-07-31"))
                .post("/projects/" + project + "/notices").then().statusCode(403);
        given().auth().oauth2(Fixtures.OFFICE).get("/projects/" + project + "/notices").then().statusCode(200).body("size()", org.hamcrest.Matchers.equalTo(0));
    }
}
