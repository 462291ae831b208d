package cn.ruralfund.reporting;

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

/** Two counties' statistics side by side: an official of one county (辖区) sees neither the other's program nor its brands. */
@QuarkusTest
class CountyScopeTest {

    @Test
    void CountyScope_anotherCountysOfficialSeesNoneOfItsStatistics() {
        UUID jinghong = Fixtures.program("景洪市", 2020);
        UUID menghai = Fixtures.program("勐海县", 2021);
        Fixtures.BrandRef brand = Fixtures.brand(jinghong, 1);
        String menghaiOffice = Tokens.ofCounty("COMMERCE_OFFICE", "勐海县");

        given().auth().oauth2(menghaiOffice).get("/programs").then().statusCode(200)
                .body("programId", hasItem(menghai.toString())).body("programId", not(hasItem(jinghong.toString())));
        for (String path : List.of("/programs/" + jinghong, "/programs/" + jinghong + "/evaluation", "/programs/" + jinghong + "/timeline",
                "/brands?programId=" + jinghong, "/brands/" + brand.id() + "/sales")) {
            given().auth().oauth2(menghaiOffice).get(path).then().statusCode(403).contentType("application/problem+json");
            given().auth().oauth2(Tokens.ofCounty("COMMERCE_OFFICE", "景洪市")).get(path).then().statusCode(200);
        }
        given().auth().oauth2(menghaiOffice).get("/brands").then().statusCode(403);
        given().auth().oauth2(menghaiOffice).contentType(ContentType.JSON).body(Map.of("programId", jinghong, "name", "越权-" + UUID.randomUUID(),
                "enterpriseCreditCode", Fixtures.creditCode(), "regionalPublicBrand", false)).post("/brands").then().statusCode(403);
    }
}
