package cn.ruralfund.acceptance;

import cn.ruralfund.platform.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.YearMonth;
import java.util.Map;
import java.util.UUID;

import static cn.ruralfund.acceptance.Fixtures.OFFICE;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/** R15: the same invoice (发票代码 + 发票号码) or the same asset claimed by two projects, in any program, is flagged to every reviewer. */
@QuarkusTest
class DuplicateClaimTest {

    @BeforeEach
    void today() {
        Fixtures.today("2022-06-01");
    }

    @Test
    void R15_sameInvoiceInTwoProjectsIsFlagged() {
        String code = Fixtures.digits(12);
        String number = Fixtures.digits(8);
        String first = Fixtures.creditCode();
        UUID firstProject = Fixtures.project(Fixtures.program(YearMonth.of(2022, 12)), first);
        UUID firstApplication = Fixtures.apply(first, firstProject);
        Fixtures.invoice(first, firstApplication, code, number).statusCode(201);
        given().auth().oauth2(OFFICE).get("/applications/" + firstApplication).then().body("duplicateClaims.size()", equalTo(0));

        // another enterprise, another program: the same invoice
        String second = Fixtures.creditCode();
        UUID secondProgram = Fixtures.program(YearMonth.of(2023, 12));
        UUID secondProject = Fixtures.project(secondProgram, second);
        UUID secondApplication = Fixtures.apply(second, secondProject);
        Fixtures.invoice(second, secondApplication, code, number).statusCode(201);

        given().auth().oauth2(OFFICE).get("/applications/" + secondApplication).then().statusCode(200)
                .body("duplicateClaims.size()", equalTo(1))
                .body("duplicateClaims[0].kind", equalTo("INVOICE"))
                .body("duplicateClaims[0].invoiceCode", equalTo(code))
                .body("duplicateClaims[0].invoiceNumber", equalTo(number))
                .body("duplicateClaims[0].otherProjectId", equalTo(firstProject.toString()))
                .body("duplicateClaims[0].otherApplicationId", equalTo(firstApplication.toString()))
                .body("duplicateClaims[0].otherEnterpriseCode", equalTo(first));
        given().auth().oauth2(Fixtures.FINANCE).get("/applications/" + firstApplication).then().statusCode(200)
                .body("duplicateClaims.otherProjectId", contains(secondProject.toString()))
                .body("duplicateClaims[0].otherProgramId", equalTo(secondProgram.toString()));
    }

    @Test
    void R15_sameAssetInTwoProjectsIsFlagged() {
        String serial = "SN-" + Fixtures.digits(10);
        String first = Fixtures.creditCode();
        UUID firstProject = Fixtures.project(Fixtures.program(YearMonth.of(2022, 12)), first);
        UUID firstApplication = Fixtures.apply(first, firstProject);
        asset(first, firstApplication, "SERIAL_NUMBER", serial).statusCode(201);
        asset(first, firstApplication, "SERIAL_NUMBER", " " + serial.toLowerCase() + " ").statusCode(409)
                .body("type", equalTo("https://ruralfund.cn/problems/r15-asset-repeated"));
        asset(first, firstApplication, "FACILITY_ADDRESS", "景洪市嘎洒镇曼景保村冷库1号").statusCode(201);

        // written differently (lower case, full-width digits, spaces): still the same asset
        String second = Fixtures.creditCode();
        UUID secondProject = Fixtures.project(Fixtures.program(YearMonth.of(2023, 12)), second);
        UUID secondApplication = Fixtures.apply(second, secondProject);
        String fullWidth = serial.toLowerCase().replace("sn-", "ｓｎ ").chars()
                .mapToObj(c -> Character.isDigit(c) ? String.valueOf((char) (c - '0' + '０')) : String.valueOf((char) c))
                .collect(java.util.stream.Collectors.joining());
        asset(second, secondApplication, "SERIAL_NUMBER", fullWidth).statusCode(201);
        asset(second, secondApplication, "FACILITY_ADDRESS", "景洪市嘎洒镇曼景保村冷库 1 号").statusCode(201);
        asset(second, secondApplication, "SERIAL_NUMBER", "SN-OTHER-" + Fixtures.digits(6)).statusCode(201);

        given().auth().oauth2(OFFICE).get("/applications/" + secondApplication).then().statusCode(200)
                .body("duplicateClaims.size()", equalTo(2))
                .body("duplicateClaims.kind", org.hamcrest.Matchers.containsInAnyOrder("SERIAL_NUMBER", "FACILITY_ADDRESS"))
                .body("duplicateClaims.otherProjectId", org.hamcrest.Matchers.everyItem(equalTo(firstProject.toString())));
        asset(second, secondApplication, "BRAND", "x").statusCode(400).contentType("application/problem+json");
    }

    private static io.restassured.response.ValidatableResponse asset(String enterprise, UUID application, String kind, String identifier) {
        return given().auth().oauth2(Tokens.enterprise(enterprise)).contentType(ContentType.JSON)
                .body(Map.of("kind", kind, "identifier", identifier, "description", "冷库制冷机组"))
                .post("/applications/" + application + "/assets").then();
    }

    @Test
    void R15_sameInvoiceTwiceInOneApplicationIsRefused() {
        String enterprise = Fixtures.creditCode();
        UUID application = Fixtures.apply(enterprise, Fixtures.project(Fixtures.program(YearMonth.of(2022, 12)), enterprise));
        String code = Fixtures.digits(12);
        String number = Fixtures.digits(8);
        Fixtures.invoice(enterprise, application, code, number).statusCode(201);
        Fixtures.invoice(enterprise, application, code, number).statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://ruralfund.cn/problems/r15-invoice-repeated"));
    }

    @Test
    void invoiceWithBadFieldsIsRefused() {
        String enterprise = Fixtures.creditCode();
        UUID application = Fixtures.apply(enterprise, Fixtures.project(Fixtures.program(YearMonth.of(2022, 12)), enterprise));
        for (Map<String, Object> bad : new Map[]{
                Map.of("code", "12AB", "number", Fixtures.digits(8), "issuedOn", "2021-08-18", "seller", "s", "amount", "1.00"),
                Map.of("code", Fixtures.digits(12), "number", Fixtures.digits(8), "issuedOn", "2021-08-18", "seller", "s", "amount", "-5.00"),
                Map.of("code", Fixtures.digits(12), "number", Fixtures.digits(8), "issuedOn", "2021-08-18", "seller", "s", "amount", "1.001"),
                Map.of("code", Fixtures.digits(12), "number", Fixtures.digits(8), "issuedOn", "2021-08-18", "seller", "s", "amount", "1e15"),
                Map.of("code", Fixtures.digits(12), "number", Fixtures.digits(8), "seller", "s", "amount", "1.00")}) {
            given().auth().oauth2(Tokens.enterprise(enterprise)).contentType(ContentType.JSON).body(bad)
                    .post("/applications/" + application + "/invoices").then().statusCode(400).contentType("application/problem+json");
        }
        Fixtures.invoice(Fixtures.creditCode(), application, Fixtures.digits(12), Fixtures.digits(8)).statusCode(403);
        given().auth().oauth2(OFFICE).get("/applications/" + application).then().body("invoices.size()", equalTo(0));
    }
}
