package cn.ruralfund.budget;

import cn.ruralfund.platform.contracts.AcceptanceConcludedV1;
import cn.ruralfund.platform.contracts.AuditCompletedV1;
import cn.ruralfund.platform.contracts.EnterpriseDisqualifiedV2;
import cn.ruralfund.platform.contracts.ProjectRegisteredV1;
import cn.ruralfund.platform.contracts.PublicityClosedV1;
import cn.ruralfund.platform.contracts.ViolationConfirmedV1;
import cn.ruralfund.platform.events.EventType;
import cn.ruralfund.platform.testing.Events;
import cn.ruralfund.platform.testing.Tokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Programs created over REST, and the other services' events sent as real CloudEvents to the real broker. */
final class Fixtures {

    static final String OFFICE = Tokens.of("COMMERCE_OFFICE");
    static final String FINANCE = Tokens.of("FINANCE");
    static final String LEADERS = Tokens.of("LEADING_GROUP");
    static final String AUDITOR = Tokens.of("AUDITOR");
    static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules();

    /** A Jinghong-2020-shaped program: directions[0] ¥500,000 (poverty alleviation), directions[1] ¥4,500,000 (upward supply chain). */
    record Program(String id, String povertyDirection, String upwardDirection) {
    }

    static Program program() {
        return program(null);
    }

    /** The Jinghong-shaped program, with another pre-disbursement cap when {@code capPercent} is given. */
    static Program program(Integer capPercent) {
        try {
            String body = Files.readString(Path.of("../seed/jinghong-2020/program.json"))
                    .replace("2020年景洪市电子商务进农村综合示范项目奖励资金", "test " + UUID.randomUUID());
            if (capPercent != null) {
                body = body.replace("\"preDisbursementCapPercent\": 50", "\"preDisbursementCapPercent\": " + capPercent);
            }
            var r = given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(body).post("/programs")
                    .then().statusCode(201).extract();
            List<String> dirs = r.path("directions.id");
            return new Program(r.path("id"), dirs.get(0), dirs.get(1));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String creditCode() {
        // 18 characters, the GB 32100 alphabet; the check digit is not verified here
        String digits = String.format("%016d", Math.abs(UUID.randomUUID().getMostSignificantBits()) % 10_000_000_000_000_000L);
        return "91" + digits;
    }

    static final String ACCOUNT = "6228480123456789012";

    static ProjectRegisteredV1 project(String programId, String directionId, String budget, boolean buildFirst, String creditCode) {
        return new ProjectRegisteredV1(UUID.randomUUID(), UUID.fromString(programId), UUID.fromString(directionId), "测试项目",
                buildFirst ? "冷链仓储" : "农产品上行", buildFirst, creditCode, "景洪测试电商有限公司", new BigDecimal(budget),
                new ProjectRegisteredV1.DedicatedAccount("中国农业银行景洪支行", "景洪测试电商有限公司", ACCOUNT),
                List.of(new ProjectRegisteredV1.ExpenseLine("COLD_CHAIN_FACILITY", "冷库与分拣设备", new BigDecimal(budget))), OffsetDateTime.now());
    }

    /** A project registered without an expense plan (R1: no money before one). */
    static ProjectRegisteredV1 projectWithoutPlan(String programId, String directionId, String budget, String creditCode) {
        ProjectRegisteredV1 p = project(programId, directionId, budget, false, creditCode);
        return new ProjectRegisteredV1(p.projectId(), p.programId(), p.directionId(), p.projectName(), p.task(), p.buildFirstSubsidiseAfter(),
                p.enterpriseCreditCode(), p.enterpriseName(), p.budget(), p.dedicatedAccount(), null, p.registeredAt());
    }

    /** Registers a project by event and waits until its budget is committed. */
    static String registered(ProjectRegisteredV1 p) {
        send(ProjectRegisteredV1.TYPE, p.projectId().toString(), p);
        awaitBudget(p.projectId().toString());
        return p.projectId().toString();
    }

    static String registered(Program program, String budget) {
        return registered(project(program.id(), program.upwardDirection(), budget, false, creditCode()));
    }

    static void awaitBudget(String projectId) {
        await().atMost(java.time.Duration.ofSeconds(30)).pollInterval(java.time.Duration.ofMillis(100)).until(() ->
                given().auth().oauth2(OFFICE).get("/projects/" + projectId + "/budget").statusCode() == 200);
    }

    static <T> String send(EventType<T> type, String subject, T data) {
        return Events.send(type, subject, data);
    }

    static void acceptance(String projectId, String conclusion, String reason) {
        send(AcceptanceConcludedV1.TYPE, projectId, new AcceptanceConcludedV1(UUID.fromString(projectId), conclusion, reason, null, OffsetDateTime.now()));
    }

    static void audit(String projectId, String amount) {
        send(AuditCompletedV1.TYPE, projectId, new AuditCompletedV1(UUID.fromString(projectId), "云南某会计师事务所", "YNAUD-" + projectId.substring(0, 8),
                new BigDecimal(amount), OffsetDateTime.now()));
    }

    static void publicity(String projectId, boolean objectionUpheld) {
        UUID announcement = UUID.randomUUID();
        send(PublicityClosedV1.TYPE, announcement.toString(), new PublicityClosedV1(announcement, "ACCEPTANCE", UUID.fromString(projectId),
                LocalDate.now().minusDays(9), LocalDate.now().minusDays(1), objectionUpheld, OffsetDateTime.now()));
    }

    static void disqualified(String creditCode, String programId, String rule, List<String> recoverFrom) {
        send(EnterpriseDisqualifiedV2.TYPE, creditCode, new EnterpriseDisqualifiedV2(creditCode, "景洪测试电商有限公司", UUID.fromString(programId),
                rule, "整改期限届满未整改", recoverFrom.stream().map(UUID::fromString).toList(), OffsetDateTime.now()));
    }

    static void violation(String projectId, String creditCode, String kind, String rule, String amount) {
        send(ViolationConfirmedV1.TYPE, projectId, new ViolationConfirmedV1(UUID.randomUUID(), UUID.fromString(projectId), creditCode, kind, rule,
                amount == null ? null : new BigDecimal(amount), "同一发票重复申报", OffsetDateTime.now()));
    }

    static ValidatableResponse request(String projectId, String kind, String amount, String key) {
        var spec = given().auth().oauth2(OFFICE).contentType(ContentType.JSON);
        if (key != null) {
            spec = spec.header("Idempotency-Key", key);
        }
        return spec.body("{\"kind\":\"" + kind + "\",\"amount\":" + amount + ",\"purpose\":\"按进度拨付\"}")
                .post("/projects/" + projectId + "/disbursements").then();
    }

    static String requested(String projectId, String kind, String amount) {
        return request(projectId, kind, amount, null).statusCode(201).extract().path("id");
    }

    static ValidatableResponse approve(String disbursementId, String key) {
        var spec = given().auth().oauth2(LEADERS).contentType(ContentType.JSON);
        if (key != null) {
            spec = spec.header("Idempotency-Key", key);
        }
        return spec.body("{\"comment\":\"同意\"}").post("/disbursements/" + disbursementId + "/approval").then();
    }

    static ValidatableResponse pay(String disbursementId, String voucher, String key) {
        var spec = given().auth().oauth2(FINANCE).contentType(ContentType.JSON);
        if (key != null) {
            spec = spec.header("Idempotency-Key", key);
        }
        return spec.body("{\"paidOn\":\"" + LocalDate.now().minusDays(1) + "\",\"voucherNumber\":\"" + voucher
                        + "\",\"bankName\":\"中国农业银行景洪支行\",\"accountNumber\":\"" + ACCOUNT + "\"}")
                .post("/disbursements/" + disbursementId + "/payment").then();
    }

    /** Requests, approves and pays. */
    static String paid(String projectId, String kind, String amount) {
        String id = requested(projectId, kind, amount);
        approve(id, null).statusCode(200);
        pay(id, "V-" + UUID.randomUUID(), null).statusCode(200);
        return id;
    }

    static ValidatableResponse budget(String projectId) {
        return given().auth().oauth2(OFFICE).get("/projects/" + projectId + "/budget").then().statusCode(200);
    }

    private Fixtures() {
    }
}
