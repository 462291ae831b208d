package cn.ruralfund.reporting;

import cn.ruralfund.platform.contracts.SalesRecordedV1;
import cn.ruralfund.platform.events.Topics;
import cn.ruralfund.platform.testing.Events;
import cn.ruralfund.platform.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static cn.ruralfund.reporting.Fixtures.OFFICE;
import static cn.ruralfund.reporting.Fixtures.brand;
import static cn.ruralfund.reporting.Fixtures.exact;
import static cn.ruralfund.reporting.Fixtures.money;
import static cn.ruralfund.reporting.Fixtures.overThreshold;
import static cn.ruralfund.reporting.Fixtures.post;
import static cn.ruralfund.reporting.Fixtures.program;
import static cn.ruralfund.reporting.Fixtures.record;
import static cn.ruralfund.reporting.Fixtures.yearSales;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** Sales records through the API and the machine feed, the aggregates they keep, and T3, on the real broker and database. */
@QuarkusTest
class SalesRecordsTest {

    @Test
    void T3_brandAtExactlyTenMillionCountsAndOneFenLessDoesNot() {
        UUID program = program();
        var below = brand(program, 1);
        var at = brand(program, 1);
        post(below, record(below, "P1", "2021-06", "TAOBAO", "嘎洒镇", "9999999.99")).then().statusCode(201);
        post(at, record(at, "P1", "2021-06", "TAOBAO", "嘎洒镇", "10000000.00")).then().statusCode(201);

        assertThat(overThreshold(program, 2021)).containsExactly(at.name());
        assertThat(yearSales(below, 2021)).isEqualTo("9999999.99");
        assertThat(yearSales(at, 2021)).isEqualTo("10000000.00");
    }

    @Test
    void T3_salesSplitAcrossPlatformsMonthsAndInputPathsAddUp() throws Exception {
        UUID program = program();
        var b = brand(program, 2);
        post(b, record(b, "P1", "2021-01", "TAOBAO", "勐龙镇", "4000000.00")).then().statusCode(201);
        String csv = "period,brand,product,platform,township,amount,orders,units,poor_household\r\n"
                + "2021-06," + b.name() + ",P2,JD,勐罕镇,3000000.00,100,200,false\r\n";
        given().auth().oauth2(Tokens.enterprise(b.enterprise())).multiPart("file", "sales.csv", csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/sales/uploads").then().statusCode(200).body("created", equalTo(1));
        assertThat(overThreshold(program, 2021)).isEmpty();

        Events.send(SalesRecordedV1.TYPE, b.enterprise(), new SalesRecordedV1(b.enterprise(), "2021-12", b.name(), "P1", "DOUYIN",
                "勐龙镇", new BigDecimal("2999999.99"), 50, 60, true));
        await().atMost(Duration.ofSeconds(60)).until(() -> yearSales(b, 2021).equals("9999999.99"));
        assertThat(overThreshold(program, 2021)).isEmpty();

        Events.send(SalesRecordedV1.TYPE, b.enterprise(), new SalesRecordedV1(b.enterprise(), "2021-12", b.name(), "P2", "WECHAT",
                "勐龙镇", new BigDecimal("0.01"), 1, 1, false));
        await().atMost(Duration.ofSeconds(60)).until(() -> yearSales(b, 2021).equals("10000000.00"));
        assertThat(overThreshold(program, 2021)).containsExactly(b.name());
    }

    @Test
    void T3_correctionThatLowersABrandBelowTheLineRemovesItAndKeepsTheEarlierVersion() {
        UUID program = program();
        var b = brand(program, 1);
        String id = post(b, record(b, "P1", "2021-03", "JD", "景洪市区", "10000000.00")).then().statusCode(201).extract().path("recordId");
        assertThat(overThreshold(program, 2021)).containsExactly(b.name());

        post(b, record(b, "P1", "2021-03", "JD", "景洪市区", "9000000.00")).then().statusCode(200)
                .body("outcome", equalTo("CORRECTED")).body("version", equalTo(2)).body("recordId", equalTo(id));

        assertThat(overThreshold(program, 2021)).isEmpty();
        assertThat(yearSales(b, 2021)).isEqualTo("9000000.00");
        var versions = exact(given().auth().oauth2(Tokens.enterprise(b.enterprise())).get("/sales/" + id + "/versions").then().statusCode(200));
        assertThat(versions.getList("amount").stream().map(Fixtures::money)).containsExactly("10000000.00", "9000000.00");
    }

    @Test
    void T3_aCalendarYearIsRespected() {
        UUID program = program();
        var b = brand(program, 1);
        post(b, record(b, "P1", "2020-12", "PINDUODUO", "勐养镇", "6000000.00")).then().statusCode(201);
        post(b, record(b, "P1", "2021-01", "PINDUODUO", "勐养镇", "6000000.00")).then().statusCode(201);

        assertThat(overThreshold(program, 2020)).isEmpty();
        assertThat(overThreshold(program, 2021)).isEmpty();
        var sales = exact(given().auth().oauth2(OFFICE).queryParam("to", "2021-01").get("/brands/" + b.id() + "/sales").then().statusCode(200));
        assertThat(money(sales.get("rolling12Months"))).as("the 12 months to 2021-01 span both").isEqualTo("12000000.00");
    }

    @Test
    void namesWithQuotesBackslashesCommasAndBracesArriveIntact() {
        UUID program = program();
        var b = brand(program, 1);
        String town = "勐\"龙\\镇,{曼} " + UUID.randomUUID();
        post(b, record(b, "P1", "2021-04", "JD", town, "12.34")).then().statusCode(201);
        given().auth().oauth2(OFFICE).queryParam("period", "2021-04").queryParam("township", town).get("/sales").then().statusCode(200)
                .body("township", equalTo(List.of(town))).body("brand", equalTo(List.of(b.name())));
    }

    @Test
    void exactDuplicateChangesNothing() {
        UUID program = program();
        var b = brand(program, 1);
        var r = record(b, "P1", "2021-05", "TMALL", "普文镇", "1234.56");
        String id = post(b, r).then().statusCode(201).body("outcome", equalTo("CREATED")).extract().path("recordId");
        post(b, r).then().statusCode(200).body("outcome", equalTo("UNCHANGED")).body("version", equalTo(1));

        given().auth().oauth2(OFFICE).get("/sales/" + id + "/versions").then().statusCode(200).body("$", hasSize(1));
        assertThat(yearSales(b, 2021)).isEqualTo("1234.56");
    }

    @Test
    void R18_townshipAssistantWritesAndReadsItsOwnTownshipOnly() {
        UUID program = program();
        var b = brand(program, 1);
        String town = "勐旺乡-" + UUID.randomUUID();
        String other = "大渡岗乡-" + UUID.randomUUID();
        String assistant = Tokens.townshipAssistant(town);
        given().auth().oauth2(assistant).contentType(ContentType.JSON).body(record(b, "P1", "2021-04", "JD", town, "500.00"))
                .post("/sales").then().statusCode(201);
        given().auth().oauth2(assistant).contentType(ContentType.JSON).body(record(b, "P1", "2021-04", "JD", other, "500.00"))
                .post("/sales").then().statusCode(403).contentType("application/problem+json").body("errors[0].message", containsString("R18"));
        String otherId = post(b, record(b, "P1", "2021-04", "TAOBAO", other, "700.00")).then().statusCode(201).extract().path("recordId");

        given().auth().oauth2(assistant).queryParam("period", "2021-04").get("/sales").then().statusCode(200)
                .body("township", org.hamcrest.Matchers.everyItem(equalTo(town)));
        given().auth().oauth2(assistant).queryParam("period", "2021-04").queryParam("township", other).get("/sales").then()
                .statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(assistant).get("/sales/" + otherId).then().statusCode(403);
        given().auth().oauth2(assistant).get("/sales/" + otherId + "/versions").then().statusCode(403);
        assertThat(yearSales(b, 2021)).as("the refused record changed nothing").isEqualTo("1200.00");
    }

    @Test
    void enterpriseReportsAndReadsItsOwnBrandsOnly() {
        UUID program = program();
        var mine = brand(program, 1);
        var theirs = brand(program, 1);
        given().auth().oauth2(Tokens.enterprise(mine.enterprise())).contentType(ContentType.JSON)
                .body(record(theirs, "P1", "2021-04", "JD", "勐龙镇", "100.00")).post("/sales").then().statusCode(403)
                .contentType("application/problem+json");
        String id = post(theirs, record(theirs, "P1", "2021-04", "JD", "勐龙镇", "100.00")).then().statusCode(201).extract().path("recordId");
        given().auth().oauth2(Tokens.enterprise(mine.enterprise())).get("/sales/" + id).then().statusCode(403);
        given().auth().oauth2(Tokens.enterprise(mine.enterprise())).get("/brands/" + theirs.id() + "/sales").then().statusCode(403);
        given().auth().oauth2(Tokens.enterprise(mine.enterprise())).queryParam("period", "2021-04").get("/sales").then().statusCode(200)
                .body("$", hasSize(0));
        given().auth().oauth2(Tokens.of("FINANCE")).contentType(ContentType.JSON).body(record(mine, "P1", "2021-04", "JD", "勐龙镇", "1.00"))
                .post("/sales").then().statusCode(403);
        given().contentType(ContentType.JSON).body(record(mine, "P1", "2021-04", "JD", "勐龙镇", "1.00")).post("/sales").then().statusCode(401);
    }

    @Test
    void badRecordsAreRefusedWithAReasonAndChangeNothing() {
        UUID program = program();
        var b = brand(program, 1);
        record Case(String field, Object value, String reason) {
        }
        List<Case> cases = List.of(
                new Case("amount", new BigDecimal("-1.00"), "negative"),
                new Case("amount", new BigDecimal("1000000000.01"), "above"),
                new Case("amount", new BigDecimal("1.001"), "two decimals"),
                new Case("amount", null, "amount is missing"),
                new Case("brand", "没有这个品牌", "unknown brand"),
                new Case("product", "P9", "unknown product"),
                new Case("platform", "AMAZON", "unknown platform"),
                new Case("period", "2021-13", "not a month"),
                new Case("period", "2999-01", "future"),
                new Case("orders", -1, "orders"),
                new Case("poorHousehold", null, "poorHousehold is missing"),
                new Case("township", " ", "township is missing"));
        for (Case c : cases) {
            var r = record(b, "P1", "2021-07", "JD", "勐龙镇", "100.00");
            r.put(c.field(), c.value());
            post(b, r).then().statusCode(422).contentType("application/problem+json").body("errors[0].message", containsString(c.reason()));
        }
        given().auth().oauth2(Tokens.enterprise(b.enterprise())).contentType(ContentType.JSON).body("{\"period\": \"2021-07\", ")
                .post("/sales").then().statusCode(400).contentType("application/problem+json");
        assertThat(yearSales(b, 2021)).isEqualTo("0.00");
    }

    @Test
    void aBatchIsRecordedWholeOrNotAtAll() {
        UUID program = program();
        var b = brand(program, 1);
        var good1 = record(b, "P1", "2021-08", "JD", "勐龙镇", "100.00");
        var good2 = record(b, "P1", "2021-08", "TAOBAO", "勐龙镇", "200.00");
        var bad = record(b, "P1", "2021-08", "DOUYIN", "勐龙镇", "-5.00");
        given().auth().oauth2(Tokens.enterprise(b.enterprise())).contentType(ContentType.JSON).body(List.of(good1, good2, bad))
                .post("/sales/batch").then().statusCode(422).body("errors", hasSize(1)).body("errors[0].field", equalTo("records[2]"));
        assertThat(yearSales(b, 2021)).isEqualTo("0.00");

        given().auth().oauth2(Tokens.enterprise(b.enterprise())).contentType(ContentType.JSON).body(List.of(good1, good2))
                .post("/sales/batch").then().statusCode(200).body("outcome", equalTo(List.of("CREATED", "CREATED")));
        assertThat(yearSales(b, 2021)).isEqualTo("300.00");
    }

    @Test
    void Concurrency_parallelRecordsOfOneBrandAndMonthLoseNoUpdate() throws Exception {
        UUID program = program();
        var b = brand(program, 4);
        String[] platforms = {"TAOBAO", "TMALL", "JD", "PINDUODUO", "DOUYIN", "KUAISHOU", "WECHAT", "OTHER"};
        String token = Tokens.enterprise(b.enterprise());
        List<Callable<Integer>> calls = new ArrayList<>();
        BigDecimal expected = BigDecimal.ZERO;
        for (int i = 0; i < 64; i++) {
            String amount = new BigDecimal(1000 + i).add(new BigDecimal("0.37")).toPlainString();
            expected = expected.add(new BigDecimal(amount));
            var r = record(b, b.products().get(i % 4), "2021-09", platforms[(i / 4) % 8], "勐龙镇-" + (i / 32), amount);
            calls.add(() -> postRaw(token, r));
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            for (Future<Integer> f : pool.invokeAll(calls)) {
                assertThat(f.get()).isEqualTo(201);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(yearSales(b, 2021)).isEqualTo(expected.setScale(2).toPlainString());
    }

    @Test
    void Concurrency_parallelCorrectionsOfOneRecordLeaveTheAggregateEqualToTheRecord() throws Exception {
        UUID program = program();
        var b = brand(program, 1);
        String token = Tokens.enterprise(b.enterprise());
        String id = post(b, record(b, "P1", "2021-10", "JD", "勐罕镇", "1.00")).then().statusCode(201).extract().path("recordId");
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            var r = record(b, "P1", "2021-10", "JD", "勐罕镇", (100 + i) + ".11");
            calls.add(() -> postRaw(token, r));
        }
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            for (Future<Integer> f : pool.invokeAll(calls)) {
                assertThat(f.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        var current = exact(given().auth().oauth2(OFFICE).get("/sales/" + id).then().statusCode(200));
        assertThat(current.getInt("version")).isEqualTo(25);
        assertThat(yearSales(b, 2021)).as("brand total = the record's last version").isEqualTo(money(current.get("amount")));
        given().auth().oauth2(OFFICE).get("/sales/" + id + "/versions").then().body("$", hasSize(25));
    }

    @Test
    void aRefusedFeedRecordGoesToTheDeadLetterTopicWithItsReason() {
        UUID program = program();
        var b = brand(program, 1);
        String stranger = Fixtures.creditCode();
        Events.send(SalesRecordedV1.TYPE, stranger, new SalesRecordedV1(stranger, "2021-02", b.name(), "P1", "JD", "勐龙镇",
                new BigDecimal("5.00"), 1, 1, false));
        var dead = Events.awaitRecord(Topics.deadLetter("reporting-service"), r -> stranger.equals(r.key()), Duration.ofSeconds(60));
        assertThat(new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8)).contains("another enterprise");
        Events.send(SalesRecordedV1.TYPE, b.enterprise(), new SalesRecordedV1(b.enterprise(), "2021-02", b.name(), "P1", "JD", "勐龙镇",
                null, 1, 1, false));
        var missing = Events.awaitRecord(Topics.deadLetter("reporting-service"), r -> b.enterprise().equals(r.key()), Duration.ofSeconds(60));
        assertThat(new String(missing.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8)).contains("/amount"); // refused by the contract (its JSON Schema) before the handler
        assertThat(yearSales(b, 2021)).isEqualTo("0.00");
    }

    static final HttpClient HTTP = HttpClient.newHttpClient();

    static int postRaw(String token, Map<String, Object> record) throws Exception {
        String body = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(record);
        HttpRequest request = HttpRequest.newBuilder(URI.create(io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + "/sales"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
