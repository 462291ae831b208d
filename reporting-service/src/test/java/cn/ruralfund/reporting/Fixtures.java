package cn.ruralfund.reporting;

import cn.ruralfund.platform.contracts.ProgramCreatedV1;
import cn.ruralfund.platform.testing.Events;
import cn.ruralfund.platform.testing.Tokens;
import io.restassured.http.ContentType;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Programs, brands and sales records with fresh ids and names, so that tests never see each other's data. */
final class Fixtures {

    static final String OFFICE = Tokens.of("COMMERCE_OFFICE");

    private Fixtures() {
    }

    /** JSON read with exact numbers (BigDecimal), never float. */
    static io.restassured.path.json.JsonPath exact(io.restassured.response.ValidatableResponse response) {
        return response.extract().jsonPath(io.restassured.path.json.config.JsonPathConfig.jsonPathConfig()
                .numberReturnType(io.restassured.path.json.config.JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    static String money(Object value) {
        return value == null ? null : new BigDecimal(value.toString()).setScale(2).toPlainString();
    }

    /** A fresh valid unified social credit code (GB 32100-2015, with its check character). */
    static String creditCode() {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
        StringBuilder code = new StringBuilder("91532801");
        for (int i = 0; i < 9; i++) {
            code.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += alphabet.indexOf(code.charAt(i)) * weights[i];
        }
        return code.append(alphabet.charAt((31 - sum % 31) % 31)).toString();
    }

    static ProgramCreatedV1 programEvent(UUID id, String county, int year) {
        return new ProgramCreatedV1(id, county, year, "program " + id, new BigDecimal("5000000.00"),
                YearMonth.of(2020, 12), YearMonth.of(2022, 12),
                List.of(new ProgramCreatedV1.Direction(UUID.randomUUID(), "电商精准扶贫体系建设", new BigDecimal("500000.00")),
                        new ProgramCreatedV1.Direction(UUID.randomUUID(), "农产品上行体系建设", new BigDecimal("4500000.00"))),
                List.of());
    }

    /** A program as budget-service announces it (not Jinghong 2020, so no target table is seeded); returns once known here. */
    static UUID program() {
        return program("测试县", 2021);
    }

    static UUID program(String county, int year) {
        UUID id = UUID.randomUUID();
        Events.send(ProgramCreatedV1.TYPE, id.toString(), programEvent(id, county, year));
        awaitProgram(id);
        return id;
    }

    static void awaitProgram(UUID id) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().auth().oauth2(OFFICE).get("/programs/" + id).then().statusCode(200));
    }

    record BrandRef(UUID id, String name, String enterprise, List<String> products) {
    }

    /** A fresh brand of the program with {@code products} products named P1, P2, ... */
    static BrandRef brand(UUID program, int products) {
        return brand(program, creditCode(), products);
    }

    static BrandRef brand(UUID program, String enterprise, int products) {
        String name = "品牌-" + UUID.randomUUID();
        String id = given().auth().oauth2(OFFICE).contentType(ContentType.JSON)
                .body(Map.of("programId", program, "name", name, "enterpriseCreditCode", enterprise, "regionalPublicBrand", false))
                .post("/brands").then().statusCode(201).extract().path("id");
        List<String> names = new java.util.ArrayList<>();
        for (int i = 1; i <= products; i++) {
            given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(Map.of("name", "P" + i, "internetFamous", false))
                    .post("/brands/" + id + "/products").then().statusCode(201);
            names.add("P" + i);
        }
        return new BrandRef(UUID.fromString(id), name, enterprise, names);
    }

    static Map<String, Object> record(BrandRef brand, String product, String period, String platform, String township, String amount) {
        Map<String, Object> r = new HashMap<>();
        r.put("period", period);
        r.put("brand", brand.name());
        r.put("product", product);
        r.put("platform", platform);
        r.put("township", township);
        r.put("amount", new BigDecimal(amount));
        r.put("orders", 10);
        r.put("units", 20);
        r.put("poorHousehold", false);
        return r;
    }

    /** Posts as the brand's enterprise; returns the response for assertions. */
    static io.restassured.response.Response post(BrandRef brand, Map<String, Object> record) {
        return given().auth().oauth2(Tokens.enterprise(brand.enterprise())).contentType(ContentType.JSON).body(record).post("/sales");
    }

    /** The brand's sales in a calendar year, as the JSON string of the amount (exact), "0.00" when none. */
    static String yearSales(BrandRef brand, int year) {
        List<Map<String, Object>> years = exact(given().auth().oauth2(OFFICE).get("/brands/" + brand.id() + "/sales")
                .then().statusCode(200)).getList("calendarYears");
        return years.stream().filter(y -> ((Number) y.get("year")).intValue() == year).map(y -> money(y.get("amount")))
                .findFirst().orElse("0.00");
    }

    /** Names of the program's brands at or above ¥10,000,000.00 in the year. */
    static List<String> overThreshold(UUID program, int year) {
        return given().auth().oauth2(OFFICE).queryParam("year", year).get("/programs/" + program + "/brands-over-threshold")
                .then().statusCode(200).extract().jsonPath().getList("brands.brand");
    }
}
