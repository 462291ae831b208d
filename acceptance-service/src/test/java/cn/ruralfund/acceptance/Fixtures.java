package cn.ruralfund.acceptance;

import cn.ruralfund.acceptance.service.MaterialService;
import cn.ruralfund.platform.contracts.ProgramCreatedV1;
import cn.ruralfund.platform.contracts.ProgramRulesSetV1;
import cn.ruralfund.platform.contracts.ProjectRegisteredV1;
import cn.ruralfund.platform.testing.Events;
import cn.ruralfund.platform.testing.Tokens;
import cn.ruralfund.platform.time.PlatformClock;
import io.quarkus.test.junit.QuarkusMock;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Builds the world a test needs: the events other services send, then the service's own API. */
final class Fixtures {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String OFFICE = Tokens.of("COMMERCE_OFFICE");
    static final String FINANCE = Tokens.of("FINANCE");
    static final String AUDITOR = Tokens.of("AUDITOR");
    static final List<String> KINDS = List.of("CONTRACT", "INVOICE", "PHOTO", "COMPLETION_REPORT", "SELF_EVALUATION");

    static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    static final byte[] EXE = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, 0, 0};

    private Fixtures() {
    }

    /** Today, by the service's clock (fixed for the current test). */
    static void today(String date) {
        Clock fixed = Clock.fixed(LocalDate.parse(date).atTime(10, 0).atZone(ZONE).toInstant(), ZONE);
        QuarkusMock.installMockForType(PlatformClock.of(fixed), PlatformClock.class);
    }

    static String creditCode() {
        StringBuilder code = new StringBuilder("91532801");
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        for (int i = 0; i < 10; i++) {
            code.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return code.toString();
    }

    /** A fresh random invoice number (8 digits) and code (12 digits). */
    static String digits(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(ThreadLocalRandom.current().nextInt(10));
        }
        return s.toString();
    }

    /** A program announced by budget-service, ending with the given month (its last day is the default deadline). */
    static UUID program(YearMonth end) {
        UUID programId = UUID.randomUUID();
        Events.send(ProgramCreatedV1.TYPE, programId.toString(), new ProgramCreatedV1(programId, "景洪市", 2020,
                "2020年景洪市电子商务进农村综合示范项目奖励资金 " + programId, new BigDecimal("5000000.00"),
                YearMonth.of(2020, 12), end, List.of(), List.of()));
        return programId;
    }

    /** A program whose plan fixes its own rules (budget-service's program-rules-set after program-created): here the team minimum (R4). */
    static UUID program(YearMonth end, int acceptanceTeamMinimum) {
        UUID programId = program(end);
        Events.send(ProgramRulesSetV1.TYPE, programId.toString(), new ProgramRulesSetV1(programId, 30, 5, acceptanceTeamMinimum));
        return programId;
    }

    /** A project registered by project-service; returns once this service knows it with its deadline. */
    static UUID project(UUID programId, String enterprise) {
        UUID projectId = UUID.randomUUID();
        Events.send(ProjectRegisteredV1.TYPE, projectId.toString(), new ProjectRegisteredV1(projectId, programId, UUID.randomUUID(),
                "农产品上行冷链仓储 " + projectId, "冷链仓储", false, enterprise, "景洪某电子商务有限公司 " + enterprise,
                new BigDecimal("800000.00"), new ProjectRegisteredV1.DedicatedAccount("中国农业银行景洪市支行", "专户", "24170101040001234"),
                List.of(), OffsetDateTime.now()));
        await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(OFFICE).get("/projects/" + projectId)
                .then().extract().statusCode() == 200
                && given().auth().oauth2(OFFICE).get("/projects/" + projectId).then().extract().path("deadline") != null);
        return projectId;
    }

    static UUID apply(String enterprise, UUID projectId) {
        return UUID.fromString(given().auth().oauth2(Tokens.enterprise(enterprise)).contentType(ContentType.JSON)
                .body(Map.of("projectId", projectId, "statement", "冷库已建成并投入使用")).post("/applications")
                .then().statusCode(201).extract().path("id"));
    }

    static ValidatableResponse upload(String token, UUID application, String kind, String name, byte[] content, String type, String sha256) {
        var request = given().config(io.restassured.RestAssured.config()
                        .multiPartConfig(io.restassured.config.MultiPartConfig.multiPartConfig().defaultCharset("UTF-8"))
                        .httpClient(io.restassured.config.HttpClientConfig.httpClientConfig()
                                .httpMultipartMode(org.apache.http.entity.mime.HttpMultipartMode.BROWSER_COMPATIBLE)))
                .auth().oauth2(token).multiPart("file", name, content, type).multiPart("kind", kind);
        if (sha256 != null) {
            request = request.multiPart("sha256", sha256);
        }
        return request.post("/applications/" + application + "/materials").then();
    }

    static void uploadAll(String enterprise, UUID application, List<String> kinds) {
        for (String kind : kinds) {
            byte[] content = (new String(PDF, StandardCharsets.US_ASCII) + "% " + kind + " " + UUID.randomUUID() + "\n").getBytes(StandardCharsets.US_ASCII);
            upload(Tokens.enterprise(enterprise), application, kind, kind.toLowerCase() + ".pdf", content, "application/pdf",
                    MaterialService.sha256(content)).statusCode(201);
        }
    }

    static ValidatableResponse invoice(String enterprise, UUID application, String code, String number) {
        return given().auth().oauth2(Tokens.enterprise(enterprise)).contentType(ContentType.JSON)
                .body(Map.of("code", code, "number", number, "issuedOn", "2021-08-18", "seller", "昆明某制冷设备有限公司", "amount", "356000.00"))
                .post("/applications/" + application + "/invoices").then();
    }

    static void submit(String enterprise, UUID application) {
        given().auth().oauth2(Tokens.enterprise(enterprise)).post("/applications/" + application + "/submission").then().statusCode(200);
    }

    /** An application with every checklist material and one invoice, submitted and found complete by the office. */
    static UUID completeApplication(String enterprise, UUID projectId) {
        UUID application = apply(enterprise, projectId);
        uploadAll(enterprise, application, KINDS);
        invoice(enterprise, application, digits(12), digits(8)).statusCode(201);
        submit(enterprise, application);
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(Map.of("complete", true, "note", "材料齐全"))
                .post("/applications/" + application + "/initial-review").then().statusCode(200);
        return application;
    }

    static String member(String name) {
        return Tokens.named(name, "ACCEPTANCE_TEAM"); // a provincial token (county "*"): this suite is not about county scope
    }

    /** Three fresh team member names. */
    static List<String> team() {
        String n = UUID.randomUUID().toString().substring(0, 8);
        return List.of("zhang-" + n, "li-" + n, "wang-" + n);
    }

    static void assignTeam(UUID application, List<String> members) {
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(Map.of("members", members))
                .put("/applications/" + application + "/team").then().statusCode(200);
    }

    static ValidatableResponse onSite(String member, UUID application, boolean matches) {
        return given().auth().oauth2(member(member)).contentType(ContentType.JSON)
                .body(Map.of("matchesMaterials", matches, "findings", List.of(
                        Map.of("item", "冷库容量", "finding", "实测 500 吨，与合同一致"),
                        Map.of("item", "设备", "finding", "制冷机组序列号与发票一致"))))
                .post("/applications/" + application + "/on-site-reviews").then();
    }

    static ValidatableResponse joint(UUID application, boolean agrees) {
        return given().auth().oauth2(FINANCE).contentType(ContentType.JSON).body(Map.of("agrees", agrees, "opinion", "财政局同意验收意见"))
                .post("/applications/" + application + "/joint-review").then();
    }

    static ValidatableResponse conclude(UUID application, String conclusion) {
        return given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(Map.of("conclusion", conclusion, "reasons", "经实地评审与会审"))
                .post("/applications/" + application + "/conclusion").then();
    }

    /** Team of three, all on site, joint review: ready for a conclusion. */
    static void reviewed(UUID application) {
        List<String> team = team();
        assignTeam(application, team);
        for (String m : team) {
            onSite(m, application, true).statusCode(201);
        }
        joint(application, true).statusCode(201);
    }
}
