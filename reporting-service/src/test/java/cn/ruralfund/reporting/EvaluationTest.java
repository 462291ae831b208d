package cn.ruralfund.reporting;

import cn.ruralfund.platform.contracts.BudgetCommittedV1;
import cn.ruralfund.platform.contracts.DisbursementPaidV1;
import cn.ruralfund.platform.contracts.RecoveryCompletedV1;
import cn.ruralfund.platform.testing.Events;
import cn.ruralfund.platform.testing.Tokens;
import cn.ruralfund.platform.time.PlatformClock;
import cn.ruralfund.reporting.service.EvaluationExport;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static cn.ruralfund.reporting.Fixtures.OFFICE;
import static cn.ruralfund.reporting.Fixtures.brand;
import static cn.ruralfund.reporting.Fixtures.exact;
import static cn.ruralfund.reporting.Fixtures.money;
import static cn.ruralfund.reporting.Fixtures.post;
import static cn.ruralfund.reporting.Fixtures.record;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** The performance target table seeded for Jinghong 2020, its evaluation from data, and its XLSX/CSV exports. */
@QuarkusTest
class EvaluationTest {

    static JsonPath evaluation(UUID program) {
        return exact(given().auth().oauth2(OFFICE).get("/programs/" + program + "/evaluation").then().statusCode(200));
    }

    static Map<String, Object> line(JsonPath evaluation, String code) {
        List<Map<String, Object>> lines = evaluation.getList("indicators");
        return lines.stream().filter(l -> code.equals(l.get("code"))).findFirst().orElseThrow();
    }

    /** A program of Jinghong 2020 with two brands over ¥10,000,000.00 in 2021 and ¥2,500,000.00 paid, ¥100,000.00 recovered. */
    static UUID jinghongWithData() {
        UUID program = Fixtures.program("景洪市", 2020);
        for (int i = 0; i < 2; i++) {
            var b = brand(program, 1);
            post(b, record(b, "P1", "2021-11", "TAOBAO", "勐龙镇", "10000000.00")).then().statusCode(201);
        }
        var small = brand(program, 1);
        post(small, record(small, "P1", "2021-11", "TAOBAO", "勐龙镇", "9999999.99")).then().statusCode(201);
        UUID project = UUID.randomUUID();
        String enterprise = Fixtures.creditCode();
        Events.send(BudgetCommittedV1.TYPE, project.toString(), new BudgetCommittedV1(project, program, UUID.randomUUID(), enterprise,
                new BigDecimal("3000000.00"), new BigDecimal("3000000.00"), 1, "committed"));
        Events.send(DisbursementPaidV1.TYPE, project.toString(), new DisbursementPaidV1(UUID.randomUUID(), project, program, UUID.randomUUID(),
                enterprise, "PRE_DISBURSEMENT", new BigDecimal("1500000.00"), LocalDate.of(2021, 3, 1), "V1", "bank", "acct", new BigDecimal("1500000.00")));
        String paidAgain = Events.send(DisbursementPaidV1.TYPE, project.toString(), new DisbursementPaidV1(UUID.randomUUID(), project, program, UUID.randomUUID(),
                enterprise, "ACCEPTANCE_PAYMENT", new BigDecimal("1000000.00"), LocalDate.of(2021, 9, 1), "V2", "bank", "acct", new BigDecimal("2500000.00")));
        Events.send(RecoveryCompletedV1.TYPE, project.toString(), new RecoveryCompletedV1(UUID.randomUUID(), project, enterprise, "R8",
                new BigDecimal("100000.00")));
        assertThat(paidAgain).isNotNull();
        await().atMost(Duration.ofSeconds(60)).until(() -> "48.00".equals(money(line(evaluation(program), "T10").get("actual"))));
        return program;
    }

    @Test
    void T10_fundExecutionRateFromBudgetEventsAndTheJinghongTableAddsUpTo100Points() {
        UUID program = jinghongWithData();
        JsonPath e = evaluation(program);
        assertThat(e.getList("indicators")).hasSize(11);
        assertThat(money(e.get("totalPoints"))).isEqualTo("100.00");
        assertThat(money(e.get("header.executedWan"))).isEqualTo("240.00");
        assertThat(money(e.get("header.fullYearBudgetWan"))).isEqualTo("500.00");
        assertThat(money(e.get("header.executionRatePercent"))).isEqualTo("48.00");
        Map<String, Object> t10 = line(e, "T10");
        assertThat(money(t10.get("score"))).as("10 points x 48%").isEqualTo("4.80");
        assertThat(t10.get("source").toString()).contains("paid ¥2500000.00").contains("recovered ¥100000.00");

        Map<String, Object> t3 = line(e, "T3");
        assertThat(money(t3.get("actual"))).isEqualTo("2.00");
        assertThat(t3.get("status")).isEqualTo("ACHIEVED");
        assertThat(money(t3.get("score"))).isEqualTo("20.00");
    }

    @Test
    void Metrics_gaugesPerIndicatorAndBrandAndIngestionCounters() {
        UUID program = jinghongWithData();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            String metrics = given().baseUri(io.quarkus.test.common.http.TestHTTPResourceManager.getManagementUri()).get("/metrics").then().statusCode(200).extract().asString();
            assertThat(metrics).contains("ruralfund_reporting_indicator_status{indicator=\"T3\",program=\"" + program + "\"} 3.0");
            assertThat(metrics).contains("ruralfund_reporting_indicator_actual{indicator=\"T10\",program=\"" + program + "\"} 48.0");
            assertThat(metrics).contains("ruralfund_reporting_indicator_target{indicator=\"T3\",program=\"" + program + "\"} 2.0");
            assertThat(metrics).contains("ruralfund_reporting_sales_records_total{outcome=\"CREATED\",source=\"API\"}");
            assertThat(metrics).containsPattern("ruralfund_reporting_brand_sales_yuan\\{brand=\"[^\"]+\",year=\"2021\"\\} 1\\.0E7");
        });
    }

    @Test
    void T10_aRedeliveredPaymentIsCountedOnce() {
        UUID program = Fixtures.program("测试县", 2021);
        UUID project = UUID.randomUUID();
        var paid = new DisbursementPaidV1(UUID.randomUUID(), project, program, UUID.randomUUID(), Fixtures.creditCode(), "PRE_DISBURSEMENT",
                new BigDecimal("500000.00"), LocalDate.of(2021, 3, 1), "V1", "bank", "acct", new BigDecimal("500000.00"));
        String id = UUID.randomUUID().toString();
        String event = Events.cloudEvent(id, DisbursementPaidV1.TYPE.type(), project.toString(), paid);
        Events.send(DisbursementPaidV1.TYPE.topic(), project.toString(), event);
        Events.send(DisbursementPaidV1.TYPE.topic(), project.toString(), event);
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(Map.of("code", "X1", "level1", "EXECUTION", "level2", "EXECUTION",
                        "name", "资金执行率", "unit", "%", "comparison", "AT_LEAST", "targetValue", 100, "points", 10, "source", "FUND_EXECUTION_RATE"))
                .post("/programs/" + program + "/targets").then().statusCode(201);
        await().atMost(Duration.ofSeconds(60)).until(() -> "10.00".equals(money(line(evaluation(program), "X1").get("actual"))));
        // a marker after the redelivery on the same key: once it is applied, so was the redelivery
        Events.send(DisbursementPaidV1.TYPE, project.toString(), new DisbursementPaidV1(UUID.randomUUID(), project, program, UUID.randomUUID(),
                paid.enterpriseCreditCode(), "ACCEPTANCE_PAYMENT", new BigDecimal("0.00"), LocalDate.of(2021, 4, 1), "V2", "bank", "acct",
                new BigDecimal("500000.00")));
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(60)).until(() ->
                "10.00".equals(money(line(evaluation(program), "X1").get("actual"))));
    }

    @Test
    void statusByDateWithinTheProgramPeriod() {
        UUID program = jinghongWithData();
        // 2021-12-31: 396 of the 761 days of 2020-12 .. 2022-12 have passed (52%)
        QuarkusMock.installMockForType(PlatformClock.of(Clock.fixed(LocalDateTime.of(2021, 12, 31, 12, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant(),
                ZoneId.of("Asia/Shanghai"))), PlatformClock.class);
        JsonPath e = evaluation(program);
        assertThat(line(e, "T10").get("status")).as("48% paid, 52% of the time gone").isEqualTo("AT_RISK");
        assertThat(line(e, "T3").get("status")).isEqualTo("ACHIEVED");
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(Map.of("manualValue", 95, "evidence", "https://example.gov.cn/s1.pdf"))
                .put("/programs/" + program + "/targets/S1").then().statusCode(200);
        for (int i = 1; i <= 7; i++) {
            TargetIndicatorsTest.entry(program, "T8", "营销活动 " + i, "2021-0" + i + "-18", "https://example.gov.cn/t8-" + i + ".jpg")
                    .then().statusCode(201);
        }
        e = evaluation(program);
        assertThat(line(e, "S1").get("status")).isEqualTo("ACHIEVED");
        assertThat(line(e, "S1").get("source").toString()).contains("https://example.gov.cn/s1.pdf");
        assertThat(line(e, "T8").get("status")).as("7 of 9 events, more than 52%").isEqualTo("ON_TRACK");
        assertThat(money(line(e, "T8").get("score"))).as("6 points x 7/9").isEqualTo("4.67");
        assertThat(line(e, "T1").get("status")).as("no regional public brand yet").isEqualTo("AT_RISK");

        QuarkusMock.installMockForType(PlatformClock.of(Clock.fixed(LocalDateTime.of(2023, 1, 1, 12, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant(),
                ZoneId.of("Asia/Shanghai"))), PlatformClock.class);
        assertThat(line(evaluation(program), "T8").get("status")).as("after the period").isEqualTo("MISSED");
    }

    @Test
    void officialsEditTheTableAndBadRowsAreRefused() {
        UUID program = Fixtures.program("测试县", 2021);
        String path = "/programs/" + program + "/targets";
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(Map.of("code", "B1", "level1", "BENEFIT", "level2", "ECONOMIC",
                        "name", "品牌", "unit", "个", "comparison", "AT_LEAST", "targetValue", 2, "points", 20, "source", "BRANDS_OVER_THRESHOLD"))
                .post(path).then().statusCode(400).body("type", org.hamcrest.Matchers.endsWith("threshold-missing"));
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(Map.of("code", "B1", "level1", "NOPE", "level2", "ECONOMIC",
                        "name", "品牌", "unit", "个", "comparison", "AT_LEAST", "targetValue", 2, "points", 20, "source", "MANUAL"))
                .post(path).then().statusCode(400);
        given().auth().oauth2(Tokens.of("FINANCE")).contentType(ContentType.JSON).body(Map.of("manualValue", 1))
                .put(path + "/B1").then().statusCode(403);
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(Map.of("code", "B1", "level1", "BENEFIT", "level2", "ECONOMIC",
                        "name", "品牌", "unit", "个", "comparison", "AT_LEAST", "targetValue", 2, "points", 20, "source", "BRANDS_OVER_THRESHOLD",
                        "threshold", new BigDecimal("5000000.00")))
                .post(path).then().statusCode(201);
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(Map.of("code", "B1", "level1", "BENEFIT", "level2", "ECONOMIC",
                        "name", "品牌", "unit", "个", "comparison", "AT_LEAST", "targetValue", 2, "points", 20, "source", "MANUAL"))
                .post(path).then().statusCode(409);
        given().auth().oauth2(OFFICE).get("/programs/" + UUID.randomUUID() + "/targets").then().statusCode(404);
        given().auth().oauth2(OFFICE).get(path).then().statusCode(200).body("code", equalTo(List.of("B1")));
    }

    @Test
    void XLSX_selfEvaluationTableOpensWithApachePoiAndItsCellsEqualTheJson() throws Exception {
        UUID program = jinghongWithData();
        JsonPath e = evaluation(program);
        byte[] xlsx = given().auth().oauth2(OFFICE).get("/programs/" + program + "/evaluation.xlsx").then().statusCode(200)
                .contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").extract().asByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).startsWith("项目支出绩效自评表");
            assertThat(sheet.getMergedRegions()).anySatisfy(r -> assertThat(r.formatAsString()).isEqualTo("A1:J1"));
            assertThat(sheet.getPrintSetup().getPaperSize()).isEqualTo(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
            assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
            assertThat(number(sheet.getRow(3), 2)).isEqualByComparingTo(new BigDecimal(e.get("header.fullYearBudgetWan").toString()));
            assertThat(number(sheet.getRow(3), 3)).isEqualByComparingTo(new BigDecimal(e.get("header.executedWan").toString()));
            assertThat(number(sheet.getRow(3), 4)).isEqualByComparingTo(new BigDecimal(e.get("header.executionRatePercent").toString()));
            assertThat(sheet.getRow(3).getCell(3).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
            assertThat(number(sheet.getRow(4), 2)).isEqualByComparingTo(new BigDecimal(e.get("totalScore").toString()));
            List<Map<String, Object>> lines = e.getList("indicators");
            for (int i = 0; i < lines.size(); i++) {
                Row row = sheet.getRow(EvaluationExport.FIRST_INDICATOR_ROW + i);
                Map<String, Object> l = lines.get(i);
                assertThat(row.getCell(1).getStringCellValue()).isEqualTo(l.get("level2Name"));
                assertThat(row.getCell(2).getStringCellValue()).isEqualTo(l.get("name") + " (" + l.get("unit") + ")");
                assertThat(row.getCell(3).getStringCellValue()).isEqualTo("≥" + new BigDecimal(l.get("target").toString()).toPlainString());
                if (l.get("actual") == null) {
                    assertThat(row.getCell(4).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.BLANK);
                } else {
                    assertThat(number(row, 4)).isEqualByComparingTo(new BigDecimal(l.get("actual").toString()));
                }
                assertThat(number(row, 5)).isEqualByComparingTo(new BigDecimal(l.get("points").toString()));
                assertThat(number(row, 6)).isEqualByComparingTo(new BigDecimal(l.get("score").toString()));
                assertThat(row.getCell(8).getStringCellValue()).isEqualTo(l.get("status"));
            }
        }
        libreOfficeReadsIt(xlsx);

        String csv = new String(given().auth().oauth2(OFFICE).get("/programs/" + program + "/evaluation.csv").then().statusCode(200)
                .extract().asByteArray(), StandardCharsets.UTF_8);
        String t3 = csv.lines().filter(l -> l.startsWith("T3,")).findFirst().orElseThrow();
        Map<String, Object> json = line(e, "T3");
        assertThat(t3).contains("," + new BigDecimal(json.get("actual").toString()).toPlainString() + ",")
                .contains("," + new BigDecimal(json.get("score").toString()).toPlainString() + ",").contains(",ACHIEVED,");
    }

    private static BigDecimal number(Row row, int column) {
        return BigDecimal.valueOf(row.getCell(column).getNumericCellValue());
    }

    /** Where LibreOffice is installed, it converts the file to CSV too; CI without it skips this part. */
    private static void libreOfficeReadsIt(byte[] xlsx) throws Exception {
        boolean installed = Files.isExecutable(Path.of("/usr/bin/libreoffice")) || Files.isExecutable(Path.of("/usr/bin/soffice"));
        if (!installed) {
            return;
        }
        Path dir = Files.createTempDirectory("xlsx");
        Path file = dir.resolve("evaluation.xlsx");
        Files.write(file, xlsx);
        Process p = new ProcessBuilder("libreoffice", "--headless", "--convert-to", "csv", "--outdir", dir.toString(), file.toString())
                .redirectErrorStream(true).start();
        Assumptions.assumeTrue(p.waitFor(120, TimeUnit.SECONDS), "libreoffice did not finish");
        assertThat(Files.readString(dir.resolve("evaluation.csv"), StandardCharsets.UTF_8)).contains("项目支出绩效自评表");
    }
}
