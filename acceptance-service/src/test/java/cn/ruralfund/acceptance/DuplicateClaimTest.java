package cn.ruralfund.acceptance;

import cn.ruralfund.platform.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import cn.ruralfund.platform.events.Topics;
import cn.ruralfund.platform.testing.Events;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.ruralfund.acceptance.Fixtures.OFFICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/** R15: the same invoice (发票代码 + 发票号码) or the same asset claimed by two projects, in any program, is flagged to every reviewer. */
@QuarkusTest
class DuplicateClaimTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

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

    @Test
    void R15_officeConfirmsAFlaggedDuplicateInvoiceOnce_andProjectServiceHearsBothClaimsAndTheAmount() throws Exception {
        String code = Fixtures.digits(12);
        String number = Fixtures.digits(8);
        String first = Fixtures.creditCode();
        UUID firstProgram = Fixtures.program(YearMonth.of(2022, 12));
        UUID firstProject = Fixtures.project(firstProgram, first);
        UUID firstApplication = Fixtures.apply(first, firstProject);
        Fixtures.invoice(first, firstApplication, code, number).statusCode(201);
        String second = Fixtures.creditCode();
        UUID secondProgram = Fixtures.program(YearMonth.of(2023, 12));
        UUID secondProject = Fixtures.project(secondProgram, second);
        UUID secondApplication = Fixtures.apply(second, secondProject);
        Fixtures.invoice(second, secondApplication, code, number).statusCode(201);
        String claim = given().auth().oauth2(OFFICE).get("/applications/" + secondApplication).then().statusCode(200)
                .body("duplicateClaims[0].confirmationId", nullValue()).extract().path("duplicateClaims[0].claimId");
        String otherClaim = given().auth().oauth2(OFFICE).get("/applications/" + firstApplication).then()
                .extract().path("duplicateClaims[0].claimId");

        // refused, each a problem and nothing recorded: not the office, an unknown claim, a pair that is not flagged, no decision
        confirm(Tokens.enterprise(second), secondApplication, claim, firstApplication, null).statusCode(403);
        confirm(OFFICE, secondApplication, UUID.randomUUID().toString(), firstApplication, null).statusCode(422)
                .contentType("application/problem+json").body("type", equalTo("https://ruralfund.cn/problems/r15-claim-unknown"));
        confirm(OFFICE, secondApplication, claim, secondApplication, null).statusCode(422)
                .body("type", equalTo("https://ruralfund.cn/problems/r15-not-a-duplicate"));
        confirm(OFFICE, UUID.randomUUID(), claim, firstApplication, null).statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON)
                .body(Map.of("claimId", claim, "otherApplicationId", firstApplication.toString(), "reason", "重复申报"))
                .post("/applications/" + secondApplication + "/duplicate-claim-confirmations").then().statusCode(400)
                .contentType("application/problem+json");
        confirm(OFFICE, secondApplication, claim, firstApplication, Map.of("amount", "-1.00")).statusCode(400);

        // confirmed: the invoice's amount, both claims named, on the broker in the same transaction
        var created = confirm(OFFICE, secondApplication, claim, firstApplication, null).statusCode(201)
                .body("decisionReference", equalTo("景商务〔2022〕15号")).extract();
        assertThat(created.asString()).contains("\"amount\":356000.00");
        String confirmation = created.path("id");
        ConsumerRecord<String, String> record = Events.awaitRecord(Topics.ACCEPTANCE, r -> secondProject.toString().equals(r.key())
                && r.value().contains("duplicate-claim-confirmed"), Duration.ofSeconds(60));
        JsonNode data = MAPPER.readTree(record.value()).get("data");
        assertThat(MAPPER.readTree(record.value()).get("type").asText()).isEqualTo("cn.ruralfund.acceptance.duplicate-claim-confirmed.v1");
        assertThat(data.get("confirmationId").asText()).isEqualTo(confirmation);
        assertThat(record.value()).contains("\"amount\":356000.00"); // exact, as written: never through a float
        assertThat(data.get("kind").asText()).isEqualTo("INVOICE");
        assertThat(data.get("identifier").asText()).isEqualTo(code + "-" + number);
        assertThat(data.get("decisionReference").asText()).isEqualTo("景商务〔2022〕15号");
        assertThat(data.at("/claim/projectId").asText()).isEqualTo(secondProject.toString());
        assertThat(data.at("/claim/applicationId").asText()).isEqualTo(secondApplication.toString());
        assertThat(data.at("/claim/programId").asText()).isEqualTo(secondProgram.toString());
        assertThat(data.at("/claim/enterpriseCreditCode").asText()).isEqualTo(second);
        assertThat(data.at("/claim/claimId").asText()).isEqualTo(claim);
        assertThat(data.at("/otherClaim/projectId").asText()).isEqualTo(firstProject.toString());
        assertThat(data.at("/otherClaim/programId").asText()).isEqualTo(firstProgram.toString());
        assertThat(data.at("/otherClaim/enterpriseCreditCode").asText()).isEqualTo(first);
        assertThat(data.at("/otherClaim/claimId").asText()).isEqualTo(otherClaim);

        // once: again from this side, or the same pair from the other side, is a conflict and publishes nothing
        confirm(OFFICE, secondApplication, claim, firstApplication, null).statusCode(409)
                .body("type", equalTo("https://ruralfund.cn/problems/r15-already-confirmed"));
        confirm(OFFICE, firstApplication, otherClaim, secondApplication, null).statusCode(409)
                .body("type", equalTo("https://ruralfund.cn/problems/r15-already-confirmed"));
        assertThat(Events.all(Topics.ACCEPTANCE, r -> r.value().contains("duplicate-claim-confirmed")
                && (secondProject.toString().equals(r.key()) || firstProject.toString().equals(r.key())), Duration.ofSeconds(3))).hasSize(1);
        // both sides show the confirmation, and the history names the decision
        given().auth().oauth2(OFFICE).get("/applications/" + secondApplication).then()
                .body("duplicateClaims[0].confirmationId", equalTo(confirmation))
                .body("history.action", hasItem("duplicate-claim.confirmed"));
        given().auth().oauth2(Fixtures.FINANCE).get("/applications/" + firstApplication).then()
                .body("duplicateClaims[0].confirmationId", equalTo(confirmation));
    }

    @Test
    void R15_aDuplicateAssetNeedsTheAmountFromTheOffice() {
        String serial = "SN-" + Fixtures.digits(10);
        String first = Fixtures.creditCode();
        UUID firstApplication = Fixtures.apply(first, Fixtures.project(Fixtures.program(YearMonth.of(2022, 12)), first));
        asset(first, firstApplication, "SERIAL_NUMBER", serial).statusCode(201);
        String second = Fixtures.creditCode();
        UUID secondProject = Fixtures.project(Fixtures.program(YearMonth.of(2022, 12)), second);
        UUID secondApplication = Fixtures.apply(second, secondProject);
        String claim = asset(second, secondApplication, "SERIAL_NUMBER", serial.toLowerCase()).statusCode(201).extract().path("id");

        confirm(OFFICE, secondApplication, claim, firstApplication, null).statusCode(422)
                .body("type", equalTo("https://ruralfund.cn/problems/r15-amount-required"));
        confirm(OFFICE, secondApplication, claim, firstApplication, Map.of("amount", "120000.50")).statusCode(201)
                .body("kind", equalTo("SERIAL_NUMBER"));
        ConsumerRecord<String, String> record = Events.awaitRecord(Topics.ACCEPTANCE, r -> secondProject.toString().equals(r.key())
                && r.value().contains("duplicate-claim-confirmed"), Duration.ofSeconds(60));
        assertThat(record.value()).contains("\"amount\":120000.50");
    }

    @Test
    void R15_concurrentConfirmationsFromBothSidesDecideOnce() {
        String code = Fixtures.digits(12);
        String number = Fixtures.digits(8);
        String first = Fixtures.creditCode();
        UUID firstProject = Fixtures.project(Fixtures.program(YearMonth.of(2022, 12)), first);
        UUID firstApplication = Fixtures.apply(first, firstProject);
        String firstClaim = Fixtures.invoice(first, firstApplication, code, number).statusCode(201).extract().path("id");
        String second = Fixtures.creditCode();
        UUID secondProject = Fixtures.project(Fixtures.program(YearMonth.of(2022, 12)), second);
        UUID secondApplication = Fixtures.apply(second, secondProject);
        String secondClaim = Fixtures.invoice(second, secondApplication, code, number).statusCode(201).extract().path("id");

        int n = 8;
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(n);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(n);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                boolean fromSecond = i % 2 == 0;
                answers.add(pool.submit(() -> {
                    start.await();
                    return fromSecond ? confirm(OFFICE, secondApplication, secondClaim, firstApplication, null).extract().statusCode()
                            : confirm(OFFICE, firstApplication, firstClaim, secondApplication, null).extract().statusCode();
                }));
            }
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var answer : answers) {
                statuses.add(answer.get(120, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertThat(statuses).as("one confirmation, the others refused").containsOnly(201, 409).containsOnlyOnce(201);
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            pool.shutdownNow();
        }
        assertThat(Events.all(Topics.ACCEPTANCE, r -> r.value().contains("duplicate-claim-confirmed")
                && (secondProject.toString().equals(r.key()) || firstProject.toString().equals(r.key())), Duration.ofSeconds(5))).hasSize(1);
    }

    private static ValidatableResponse confirm(String token, UUID application, String claim, UUID other, Map<String, String> extra) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("claimId", claim, "otherApplicationId", other.toString(),
                "decisionReference", "景商务〔2022〕15号", "reason", "同一发票已在另一项目申报补助"));
        if (extra != null) {
            body.putAll(extra);
        }
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/applications/" + application + "/duplicate-claim-confirmations").then();
    }
}
