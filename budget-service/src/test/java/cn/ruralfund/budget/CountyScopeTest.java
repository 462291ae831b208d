package cn.ruralfund.budget;

import cn.ruralfund.platform.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.jwt.build.Jwt;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * Two counties on one platform: an official whose token names one county (辖区) sees and acts on that county's programs,
 * projects and disbursements only; a provincial official ({@code county: "*"}) sees both; a token without the claim sees none.
 */
@QuarkusTest
class CountyScopeTest {

    static final String MENGHAI_OFFICE = Tokens.ofCounty("COMMERCE_OFFICE", "勐海县");
    static final String MENGHAI_FINANCE = Tokens.ofCounty("FINANCE", "勐海县");
    static final String JINGHONG_OFFICE = Tokens.ofCounty("COMMERCE_OFFICE", "景洪市");

    @Test
    void CountyScope_anOfficialOfOneCountyNeverSeesOrTouchesAnothersProgram() throws Exception {
        Fixtures.Program jinghong = Fixtures.program();
        String project = Fixtures.registered(jinghong, "200000.00");
        String disbursement = Fixtures.request(project, "PRE_DISBURSEMENT", "10000.00", null).statusCode(201).extract().path("id");
        String menghai = given().auth().oauth2(MENGHAI_OFFICE).contentType(ContentType.JSON).body(Files.readString(Path.of("../seed/jinghong-2020/program.json"))
                        .replace("景洪市", "勐海县").replace("\"total\": 5000000.00", "\"total\": 3000000.00")
                        .replace("4500000.00", "2500000.00").replace("2020年", "2021年 " + UUID.randomUUID()))
                .post("/programs").then().statusCode(201).body("county", equalTo("勐海县")).extract().path("id");

        given().auth().oauth2(MENGHAI_OFFICE).get("/programs").then().statusCode(200)
                .body("id", hasItem(menghai)).body("id", not(hasItem(jinghong.id())));
        given().auth().oauth2(JINGHONG_OFFICE).get("/programs").then().statusCode(200)
                .body("id", hasItem(jinghong.id())).body("id", not(hasItem(menghai)));
        given().auth().oauth2(Fixtures.OFFICE).get("/programs").then().statusCode(200).body("id", hasItem(menghai)).body("id", hasItem(jinghong.id()));

        for (String path : List.of("/programs/" + jinghong.id(), "/programs/" + jinghong.id() + "/balances", "/projects/" + project + "/budget",
                "/projects?programId=" + jinghong.id(), "/projects/" + project + "/disbursements", "/projects/" + project + "/history")) {
            given().auth().oauth2(MENGHAI_OFFICE).get(path).then().statusCode(403).contentType("application/problem+json");
        }
        given().auth().oauth2(JINGHONG_OFFICE).get("/projects/" + project + "/budget").then().statusCode(200);
        given().auth().oauth2(MENGHAI_OFFICE).get("/projects").then().statusCode(403);

        // nor acts on it: a request, an approval, a payment, a program for another county
        given().auth().oauth2(MENGHAI_OFFICE).contentType(ContentType.JSON)
                .body(Map.of("kind", "PRE_DISBURSEMENT", "amount", new BigDecimal("1.00"), "purpose", "越权"))
                .post("/projects/" + project + "/disbursements").then().statusCode(403);
        given().auth().oauth2(MENGHAI_FINANCE).contentType(ContentType.JSON).body(Map.of("paidOn", "2021-07-05", "voucherNumber", "X-1",
                        "bankName", "b", "accountNumber", Fixtures.ACCOUNT))
                .post("/disbursements/" + disbursement + "/payment").then().statusCode(403);
        given().auth().oauth2(MENGHAI_OFFICE).contentType(ContentType.JSON).body(Files.readString(Path.of("../seed/jinghong-2020/program.json"))
                        .replace("2020年景洪市", "越权 " + UUID.randomUUID()))
                .post("/programs").then().statusCode(403);
        given().auth().oauth2(Fixtures.OFFICE).get("/projects/" + project + "/disbursements").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].status", equalTo("REQUESTED"));
    }

    @Test
    void CountyScope_anOfficialsTokenWithoutACountySeesNoProgram() {
        Fixtures.Program jinghong = Fixtures.program();
        String noCounty = Jwt.issuer(Tokens.ISSUER).upn("office@nowhere").groups("COMMERCE_OFFICE").expiresIn(3600).sign("dev-keys/privateKey.pem");
        given().auth().oauth2(noCounty).get("/programs/" + jinghong.id()).then().statusCode(403);
        given().auth().oauth2(noCounty).get("/programs").then().statusCode(200).body("id", not(hasItem(jinghong.id())));
    }
}
