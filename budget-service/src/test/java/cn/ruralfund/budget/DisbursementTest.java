package cn.ruralfund.budget;

import cn.ruralfund.platform.testing.Events;
import cn.ruralfund.platform.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static cn.ruralfund.budget.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static cn.ruralfund.platform.testing.Money.number;
import static cn.ruralfund.platform.testing.Money.yuan;

@QuarkusTest
class DisbursementTest {

    static {
        cn.ruralfund.platform.testing.Money.exact();
    }

    static final String PRE = "PRE_DISBURSEMENT";
    static final String ACC = "ACCEPTANCE_PAYMENT";

    @Test
    void R7_preDisbursementCappedAtHalf() {
        String projectId = registered(program(), "100000.01");
        request(projectId, PRE, "30000.00", null).statusCode(201).body("status", equalTo("REQUESTED"));
        request(projectId, PRE, "20000.01", null).statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://ruralfund.cn/problems/r7-pre-disbursement-cap"));
        request(projectId, PRE, "20000.00", null).statusCode(201); // exactly 50,000.00: half of 100,000.01 rounded down
        request(projectId, PRE, "0.01", null).statusCode(422).body("type", equalTo("https://ruralfund.cn/problems/r7-pre-disbursement-cap"));
        budget(projectId).body("preDisbursementRequested", yuan("50000.00")).body("preDisbursable", yuan("0.00"));
    }

    /** A program's rules are its data: another county's plan caps pre-disbursement at 30%. */
    @Test
    void R7_theCapIsTheProgramsOwn_30Percent() {
        Program program = program(30);
        given().auth().oauth2(OFFICE).get("/programs/" + program.id()).then()
                .body("rules.preDisbursementCapPercent", equalTo(30)).body("rules.publicityWorkingDays", equalTo(5));
        Events.awaitRecord(cn.ruralfund.platform.events.Topics.BUDGET, r -> program.id().equals(r.key()) && r.value().contains("program-rules-set")
                && r.value().contains("\"preDisbursementCapPercent\":30"), Duration.ofSeconds(30));
        String projectId = registered(program, "100000.01");
        budget(projectId).body("preDisbursable", yuan("30000.00")); // 30% of 100,000.01 is 30,000.003: rounded down to the fen
        request(projectId, PRE, "30000.01", null).statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://ruralfund.cn/problems/r7-pre-disbursement-cap"));
        request(projectId, PRE, "30000.00", null).statusCode(201);
        request(projectId, PRE, "0.01", null).statusCode(422);
        given().auth().oauth2(OFFICE).get("/programs/" + program().id()).then().body("rules.preDisbursementCapPercent", equalTo(50));
    }

    @Test
    void R7_concurrentRequestsCannotPassHalf() throws Exception {
        String projectId = registered(program(), "100000.00");
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                calls.add(() -> request(projectId, PRE, "15000.00", null).extract().statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(3); // 3 × 15,000 = 45,000 ≤ 50,000 < 60,000
            assertThat(statuses).filteredOn(s -> s == 422).hasSize(7);
        } finally {
            pool.shutdown();
        }
        budget(projectId).body("preDisbursementRequested", yuan("45000.00"));
        given().auth().oauth2(OFFICE).get("/projects/" + projectId + "/disbursements").then().body("size()", equalTo(3));
    }

    @Test
    void R20_buildFirstTasksGetNoPreDisbursement() {
        Program program = program();
        String projectId = registered(project(program.id(), program.upwardDirection(), "400000.00", true, creditCode()));
        budget(projectId).body("buildFirstSubsidiseAfter", equalTo(true)).body("preDisbursable", yuan("0.00"));
        request(projectId, PRE, "0.01", null).statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://ruralfund.cn/problems/r20-build-first"));
        given().auth().oauth2(OFFICE).get("/projects/" + projectId + "/disbursements").then().body("size()", equalTo(0));
    }

    @Test
    void Idempotency_sameKeyTwiceIsOneRequest() {
        String projectId = registered(program(), "100000.00");
        String key = UUID.randomUUID().toString();
        String first = request(projectId, PRE, "10000.00", key).statusCode(201).header("Idempotent-Replayed", "false").extract().path("id");
        String second = request(projectId, PRE, "10000.00", key).statusCode(201).header("Idempotent-Replayed", "true").extract().path("id");
        assertThat(second).isEqualTo(first);
        request(projectId, PRE, "20000.00", key).statusCode(422).body("type", equalTo("https://ruralfund.cn/problems/idempotency-key-reused"));
        budget(projectId).body("preDisbursementRequested", yuan("10000.00"));

        String approvalKey = UUID.randomUUID().toString();
        approve(first, approvalKey).statusCode(200).header("Idempotent-Replayed", "false");
        approve(first, approvalKey).statusCode(200).header("Idempotent-Replayed", "true");
        approve(first, null).statusCode(409).body("type", equalTo("https://ruralfund.cn/problems/already-approved"));
        String payKey = UUID.randomUUID().toString();
        String voucher = "V-" + UUID.randomUUID();
        pay(first, voucher, payKey).statusCode(200).body("status", equalTo("PAID"));
        pay(first, voucher, payKey).statusCode(200).header("Idempotent-Replayed", "true");
        pay(first, "V-" + UUID.randomUUID(), null).statusCode(409).body("type", equalTo("https://ruralfund.cn/problems/already-paid"));
        budget(projectId).body("paid", yuan("10000.00"));
        given().auth().oauth2(OFFICE).get("/projects/" + projectId + "/ledger").then().body("kind", equalTo(List.of("COMMIT", "PRE_DISBURSE")));
    }

    @Test
    void R7_paymentNeedsApprovalAndTheDedicatedAccount() {
        String projectId = registered(program(), "100000.00");
        String id = requested(projectId, PRE, "10000.00");
        pay(id, "V-" + UUID.randomUUID(), null).statusCode(422).body("type", equalTo("https://ruralfund.cn/problems/r7-leading-group-approval"));
        approve(id, null).statusCode(200).body("approvedBy", equalTo("leading_group@dev"));
        given().auth().oauth2(FINANCE).contentType(ContentType.JSON)
                .body("{\"paidOn\":\"2021-03-01\",\"voucherNumber\":\"V-" + UUID.randomUUID() + "\",\"accountNumber\":\"999\"}")
                .post("/disbursements/" + id + "/payment").then().statusCode(422)
                .body("type", equalTo("https://ruralfund.cn/problems/dedicated-account-mismatch"));
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON)
                .body("{\"paidOn\":\"2021-03-01\",\"voucherNumber\":\"V-1\",\"accountNumber\":\"" + ACCOUNT + "\"}")
                .post("/disbursements/" + id + "/payment").then().statusCode(403);
        budget(projectId).body("paid", yuan("0.00"));
        String voucher = "V-" + UUID.randomUUID();
        pay(id, voucher, null).statusCode(200);
        String other = requested(projectId, PRE, "1.00");
        approve(other, null).statusCode(200);
        pay(other, voucher, null).statusCode(409).body("type", equalTo("https://ruralfund.cn/problems/duplicate-voucher"));
    }

    @Test
    void R7_acceptancePaymentNeedsEveryPrecondition() {
        String projectId = registered(program(), "200000.00");
        paid(projectId, PRE, "100000.00");
        String path = "/projects/" + projectId + "/acceptance-payment";
        given().auth().oauth2(OFFICE).get(path).then().statusCode(200)
                .body("missing", equalTo(List.of("ACCEPTANCE_PASSED", "AUDIT_RECORDED", "PUBLICITY_CLOSED_WITHOUT_UPHELD_OBJECTION",
                        "PAYMENT_REQUEST_REPORT", "LEADING_GROUP_APPROVAL")));
        request(projectId, ACC, "50000.00", null).statusCode(422)
                .body("type", equalTo("https://ruralfund.cn/problems/r7-acceptance-preconditions"))
                .body("detail", containsString("ACCEPTANCE_PASSED"));

        acceptance(projectId, "PASS", null);
        audit(projectId, "180000.00");
        publicity(projectId, true); // an objection was upheld
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(OFFICE).get(path).then()
                .body("missing", equalTo(List.of("PUBLICITY_CLOSED_WITHOUT_UPHELD_OBJECTION", "PAYMENT_REQUEST_REPORT", "LEADING_GROUP_APPROVAL"))));
        request(projectId, ACC, "50000.00", null).statusCode(422).body("detail", containsString("PUBLICITY"));

        publicity(projectId, false); // published again, no objection upheld
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(OFFICE).get(path).then()
                .body("missing", equalTo(List.of("PAYMENT_REQUEST_REPORT", "LEADING_GROUP_APPROVAL"))));
        // the audited eligible amount caps the total paid: 180,000 − 100,000 pre-disbursed
        request(projectId, ACC, "80000.01", null).statusCode(422).body("type", equalTo("https://ruralfund.cn/problems/r7-audited-amount-cap"));
        String id = requested(projectId, ACC, "80000.00");
        given().auth().oauth2(OFFICE).get(path).then().body("missing", equalTo(List.of("PAYMENT_REQUEST_REPORT", "LEADING_GROUP_APPROVAL")));
        approve(id, null).statusCode(422).body("type", equalTo("https://ruralfund.cn/problems/r7-payment-request-report-missing"));
        given().auth().oauth2(OFFICE).post("/disbursements/" + id + "/report").then().statusCode(201).body("version", equalTo(1));
        given().auth().oauth2(OFFICE).get(path).then().body("missing", equalTo(List.of("LEADING_GROUP_APPROVAL")));
        pay(id, "V-" + UUID.randomUUID(), null).statusCode(422);
        approve(id, null).statusCode(200);
        given().auth().oauth2(OFFICE).get(path).then().body("missing", equalTo(List.of())).body("auditedEligibleAmount", yuan("180000.00"));
        pay(id, "V-" + UUID.randomUUID(), null).statusCode(200);
        budget(projectId).body("paid", yuan("180000.00"));

        given().auth().oauth2(OFFICE).post("/disbursements/" + id + "/report").then().statusCode(201).body("version", equalTo(2));
        String html = given().auth().oauth2(LEADERS).get("/disbursements/" + id + "/report").then().statusCode(200)
                .contentType(containsString("text/html")).header("Report-Version", "2").extract().asString();
        assertThat(html).contains("请款报告").contains("80,000.00").contains("人民币捌万元整").contains("ACCEPTANCE_PASSED")
                .contains("leading_group@dev").contains("景洪测试电商有限公司").doesNotContain("✘");
        given().auth().oauth2(Tokens.enterprise(creditCode())).get("/disbursements/" + id).then().statusCode(403);
    }

    /**
     * R7, 请款报告 as a document: generated by the office, stored per version with its SHA-256, as a PDF with a Chinese
     * font embedded whose text, read back by a PDF reader, names the project and the amount in capital numerals.
     */
    @Test
    void R7_paymentRequestReportIsAStoredVersionedPdf() throws Exception {
        String projectId = registered(program(), "100000.00");
        String id = requested(projectId, PRE, "10000.00");
        given().auth().oauth2(LEADERS).get("/disbursements/" + id + "/report").then().statusCode(422)
                .body("type", equalTo("https://ruralfund.cn/problems/no-payment-request-report"));
        given().auth().oauth2(LEADERS).post("/disbursements/" + id + "/report").then().statusCode(403);
        String sha = given().auth().oauth2(OFFICE).post("/disbursements/" + id + "/report").then().statusCode(201)
                .body("version", equalTo(1)).extract().path("pdfSha256");
        byte[] pdf = given().auth().oauth2(FINANCE).get("/disbursements/" + id + "/report.pdf").then().statusCode(200)
                .contentType("application/pdf").header("Report-Version", "1").extract().asByteArray();
        assertThat(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(pdf))).isEqualTo(sha);
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            assertThat(text).contains("请款报告").contains("测试项目").contains("10,000.00").contains("人民币壹万元整")
                    .contains("景洪测试电商有限公司");
            assertThat(text).as("a pre-disbursement shows its own approval, once").containsOnlyOnce("LEADING_GROUP_APPROVAL");
            var rendered = new org.apache.pdfbox.rendering.PDFRenderer(document).renderImageWithDPI(0, 80);
            java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/reports"));
            javax.imageio.ImageIO.write(rendered, "png", java.nio.file.Path.of("target/reports/payment-request-report.png").toFile());
        }
        approve(id, null).statusCode(200);
        given().auth().oauth2(OFFICE).post("/disbursements/" + id + "/report").then().statusCode(201).body("version", equalTo(2));
        given().auth().oauth2(AUDITOR).get("/disbursements/" + id + "/report").then().statusCode(200).header("Report-Version", "2")
                .body(containsString("✔ LEADING_GROUP_APPROVAL")).body(org.hamcrest.Matchers.not(containsString("✘")));
    }

    /** R2: a pre-disbursement request carries the latest reported progress and is flagged when the money runs ahead of the work. */
    @Test
    void R2_preDisbursementShowsProgressAndIsFlaggedAheadOfIt() throws Exception {
        String projectId = registered(program(), "100000.00");
        String blind = requested(projectId, PRE, "5000.00");
        given().auth().oauth2(LEADERS).get("/disbursements/" + blind).then().body("aheadOfProgress", equalTo(true))
                .body("progressPercent", org.hamcrest.Matchers.nullValue());
        send(cn.ruralfund.platform.contracts.ProgressReportedV1.TYPE, projectId, new cn.ruralfund.platform.contracts.ProgressReportedV1(
                UUID.fromString(projectId), UUID.randomUUID(), "x", java.time.LocalDate.of(2021, 6, 30), new BigDecimal("20.00"), "监理月报"));
        send(cn.ruralfund.platform.contracts.ProgressReportedV1.TYPE, projectId, new cn.ruralfund.platform.contracts.ProgressReportedV1(
                UUID.fromString(projectId), UUID.randomUUID(), "x", java.time.LocalDate.of(2021, 5, 31), new BigDecimal("10.00"), "an older report, late"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> budget(projectId).body("progressReportedOn", equalTo("2021-06-30")));
        Thread.sleep(500); // the late, older report is on the same partition: give it time to be (not) applied
        budget(projectId).body("progressPercent", number("20")).body("progressReportedOn", equalTo("2021-06-30"));
        String within = requested(projectId, PRE, "15000.00"); // 20% of the budget requested, 20% done
        given().auth().oauth2(LEADERS).get("/disbursements/" + within).then().body("aheadOfProgress", equalTo(false))
                .body("progressPercent", number("20")).body("progressReportedOn", equalTo("2021-06-30"));
        String ahead = requested(projectId, PRE, "0.01");
        given().auth().oauth2(LEADERS).get("/disbursements/" + ahead).then().body("aheadOfProgress", equalTo(true));
    }

    @Test
    void badInputIsRefusedAndChangesNothing() {
        String projectId = registered(program(), "100000.00");
        request(projectId, PRE, "-1", null).statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://ruralfund.cn/problems/invalid-fields"));
        request(projectId, PRE, "0", null).statusCode(400);
        request(projectId, PRE, "1.001", null).statusCode(400);
        request(projectId, PRE, "99999999999999.00", null).statusCode(400);
        request(projectId, "SOMETHING", "1.00", null).statusCode(400);
        request(projectId, PRE, "\"abc\"", null).statusCode(400).contentType("application/problem+json");
        request(UUID.randomUUID().toString(), PRE, "1.00", null).statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(FINANCE).contentType(ContentType.JSON).body("{\"kind\":\"PRE_DISBURSEMENT\",\"amount\":1}")
                .post("/projects/" + projectId + "/disbursements").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.enterprise(creditCode())).contentType(ContentType.JSON).body("{\"kind\":\"PRE_DISBURSEMENT\",\"amount\":1}")
                .post("/projects/" + projectId + "/disbursements").then().statusCode(403);
        given().contentType(ContentType.JSON).body("{\"kind\":\"PRE_DISBURSEMENT\",\"amount\":1}")
                .post("/projects/" + projectId + "/disbursements").then().statusCode(401);
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).header("Idempotency-Key", "k".repeat(101))
                .body("{\"kind\":\"PRE_DISBURSEMENT\",\"amount\":1}").post("/projects/" + projectId + "/disbursements").then().statusCode(400);
        budget(projectId).body("preDisbursementRequested", yuan("0.00"));
        given().auth().oauth2(OFFICE).get("/projects/" + projectId + "/disbursements").then().body("size()", equalTo(0));
        given().auth().oauth2(AUDITOR).get("/projects/" + projectId + "/history").then().body("action", hasItems("budget.committed"))
                .body("size()", equalTo(1));
    }

    static BigDecimal dec(String s) {
        return new BigDecimal(s);
    }
}
