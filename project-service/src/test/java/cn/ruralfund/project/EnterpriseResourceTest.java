package cn.ruralfund.project;

import cn.ruralfund.platform.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static cn.ruralfund.project.Fixtures.OFFICE;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class EnterpriseResourceTest {

    @Test
    void CreditCode_validCodeRegistersTheEnterpriseWithItsDedicatedFundAccount() {
        String code = Fixtures.creditCode();
        UUID id = Fixtures.enterprise(code);
        given().auth().oauth2(Tokens.of("FINANCE")).get("/enterprises/" + id).then().statusCode(200)
                .body("creditCode", equalTo(code))
                .body("status", equalTo("ACTIVE"))
                .body("fundAccount.bank", equalTo("中国农业银行景洪市支行"))
                .body("fundAccount.accountName", equalTo("某电子商务有限公司专户"));
        given().auth().oauth2(Tokens.of("AUDITOR")).get("/enterprises/" + id + "/history").then().statusCode(200)
                .body("action", hasItems("enterprise.registered"));
    }

    @Test
    void CreditCode_knownValidCodeIsAcceptedInLowerCaseAndStoredUpperCase() {
        // 91350100M000100Y43 is a known valid code; another test run may have registered it already
        var response = given().auth().oauth2(OFFICE).contentType(ContentType.JSON)
                .body(Fixtures.enterpriseBody("91350100m000100y43")).post("/enterprises");
        if (response.statusCode() == 201) {
            response.then().body("creditCode", equalTo("91350100M000100Y43"));
        } else {
            response.then().statusCode(409).body("type", equalTo("https://ruralfund.cn/problems/duplicate-enterprise"));
        }
    }

    @Test
    void CreditCode_invalidCodeIsRefusedAndNothingIsWritten() {
        String code = Fixtures.creditCode();
        char last = code.charAt(17);
        String wrong = code.substring(0, 17) + (last == '0' ? '1' : '0');
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(Fixtures.enterpriseBody(wrong)).post("/enterprises")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://ruralfund.cn/problems/invalid-credit-code"));
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(Fixtures.enterpriseBody("91532801MA6K5XYZ1A")).post("/enterprises")
                .then().statusCode(400).body("type", equalTo("https://ruralfund.cn/problems/invalid-credit-code"));
        given().auth().oauth2(OFFICE).get("/enterprises").then().statusCode(200)
                .body("creditCode", not(hasItem(wrong)));
    }

    @Test
    void duplicateCreditCodeIs409() {
        String code = Fixtures.creditCode();
        Fixtures.enterprise(code);
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(Fixtures.enterpriseBody(code)).post("/enterprises")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://ruralfund.cn/problems/duplicate-enterprise"));
    }

    @Test
    void missingFundAccountListsTheBadFields() {
        Map<String, Object> body = new HashMap<>(Fixtures.enterpriseBody(Fixtures.creditCode()));
        body.remove("fundAccount");
        body.put("name", "");
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(body).post("/enterprises")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://ruralfund.cn/problems/invalid-fields"))
                .body("errors.field", hasItems("fundAccount", "name"));
    }

    @Test
    void anEnterpriseSeesOnlyItselfAndOnlyTheOfficeRegisters() {
        String mine = Fixtures.creditCode();
        UUID myId = Fixtures.enterprise(mine);
        UUID otherId = Fixtures.enterprise(Fixtures.creditCode());
        String token = Tokens.enterprise(mine);
        given().auth().oauth2(token).get("/enterprises").then().statusCode(200).body("$", hasSize(1)).body("[0].id", equalTo(myId.toString()));
        given().auth().oauth2(token).get("/enterprises/" + myId).then().statusCode(200);
        given().auth().oauth2(token).get("/enterprises/" + otherId).then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Fixtures.enterpriseBody(Fixtures.creditCode())).post("/enterprises")
                .then().statusCode(403);
        given().contentType(ContentType.JSON).get("/enterprises").then().statusCode(401);
    }
}
