package cn.ruralfund.acceptance;

import cn.ruralfund.platform.contracts.PublicityClosedV1;
import cn.ruralfund.platform.events.Topics;
import cn.ruralfund.platform.testing.Events;
import cn.ruralfund.platform.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static cn.ruralfund.acceptance.Fixtures.AUDITOR;
import static cn.ruralfund.acceptance.Fixtures.KINDS;
import static cn.ruralfund.acceptance.Fixtures.OFFICE;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** R3 application, R4 reviews and conclusion (the whole path and each refusal), R6 archive, over the real broker and database. */
@QuarkusTest
class AcceptanceProcessTest {

    static {
        cn.ruralfund.platform.testing.Money.exact(); // JSON numbers as BigDecimal: money compared exactly
    }

    static final ObjectMapper MAPPER = new ObjectMapper();

    String enterprise;
    UUID project;

    @BeforeEach
    void project() {
        Fixtures.today("2022-06-01");
        enterprise = Fixtures.creditCode();
        project = Fixtures.project(Fixtures.program(YearMonth.of(2022, 12)), enterprise);
    }

    String token() {
        return Tokens.enterprise(enterprise);
    }

    @Test
    void R3_enterpriseAppliesForItsOwnProjectAndSeesWhatIsMissing() {
        given().auth().oauth2(OFFICE).get("/projects/" + project).then().statusCode(200).body("deadline", equalTo("2022-12-31"));
        UUID application = Fixtures.apply(enterprise, project);
        given().auth().oauth2(token()).get("/applications/" + application).then().statusCode(200)
                .body("application.status", equalTo("DRAFT"))
                .body("missingKinds", contains(KINDS.toArray()));
        Fixtures.uploadAll(enterprise, application, List.of("CONTRACT", "PHOTO"));
        given().auth().oauth2(token()).get("/applications/" + application).then().statusCode(200)
                .body("missingKinds", contains("INVOICE", "COMPLETION_REPORT", "SELF_EVALUATION"));

        // one open application per project; only its own enterprise applies; unknown project
        given().auth().oauth2(token()).contentType(ContentType.JSON).body(Map.of("projectId", project)).post("/applications")
                .then().statusCode(409).contentType("application/problem+json").body("type", equalTo("https://ruralfund.cn/problems/r3-application-open"));
        given().auth().oauth2(Tokens.enterprise(Fixtures.creditCode())).contentType(ContentType.JSON).body(Map.of("projectId", project))
                .post("/applications").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(token()).contentType(ContentType.JSON).body(Map.of("projectId", UUID.randomUUID())).post("/applications")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(Map.of("projectId", project)).post("/applications")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(token()).contentType(ContentType.JSON).body("{\"projectId\": ").post("/applications")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(token()).contentType(ContentType.JSON).body(Map.of()).post("/applications")
                .then().statusCode(400).contentType("application/problem+json");

        // an enterprise sees only its own applications
        String other = Fixtures.creditCode();
        UUID otherApplication = Fixtures.apply(other, Fixtures.project(Fixtures.program(YearMonth.of(2022, 12)), other));
        given().auth().oauth2(token()).get("/applications").then().statusCode(200)
                .body("id", hasItem(application.toString())).body("id", not(hasItem(otherApplication.toString())));
        given().auth().oauth2(token()).get("/applications/" + otherApplication).then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(token()).get("/projects").then().statusCode(200).body("enterpriseCode", everyItemIs(enterprise));
        // an auditor sees passed applications only; a team member only those of its teams
        given().auth().oauth2(AUDITOR).get("/applications/" + application).then().statusCode(403);
        given().auth().oauth2(Fixtures.member("stranger-" + UUID.randomUUID())).get("/applications/" + application).then().statusCode(403);
    }

    private static org.hamcrest.Matcher<Iterable<? extends String>> everyItemIs(String value) {
        return org.hamcrest.Matchers.everyItem(equalTo(value));
    }

    @Test
    void R3_incompleteApplicationGoesBackAndResubmissionKeepsVersions() {
        UUID application = Fixtures.apply(enterprise, project);
        // nothing to submit without materials
        given().auth().oauth2(token()).post("/applications/" + application + "/submission").then().statusCode(422)
                .body("type", equalTo("https://ruralfund.cn/problems/r3-no-materials"));
        Fixtures.uploadAll(enterprise, application, List.of("CONTRACT", "PHOTO"));
        Fixtures.submit(enterprise, application);
        // submitted: the enterprise can no longer change it
        Fixtures.invoice(enterprise, application, Fixtures.digits(12), Fixtures.digits(8)).statusCode(409);
        // the office cannot find it complete while checklist items are missing
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(Map.of("complete", true))
                .post("/applications/" + application + "/initial-review").then().statusCode(422)
                .body("type", equalTo("https://ruralfund.cn/problems/r4-materials-missing"));
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(Map.of("complete", false, "missing", List.of("发票原件扫描件"), "note", "请补充"))
                .post("/applications/" + application + "/initial-review").then().statusCode(200)
                .body("status", equalTo("INCOMPLETE"))
                .body("missing", containsInAnyOrder("INVOICE", "COMPLETION_REPORT", "SELF_EVALUATION", "发票原件扫描件"));
        // a conclusion on an incomplete application is refused
        Fixtures.conclude(application, "PASS").statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://ruralfund.cn/problems/r4-not-complete"));

        Fixtures.uploadAll(enterprise, application, List.of("INVOICE", "COMPLETION_REPORT", "SELF_EVALUATION"));
        Fixtures.invoice(enterprise, application, Fixtures.digits(12), Fixtures.digits(8)).statusCode(201);
        Fixtures.submit(enterprise, application);
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(Map.of("complete", true))
                .post("/applications/" + application + "/initial-review").then().statusCode(200).body("status", equalTo("UNDER_REVIEW"));
        given().auth().oauth2(OFFICE).get("/applications/" + application).then().statusCode(200)
                .body("application.version", equalTo(2))
                .body("versions.version", contains(1, 2))
                .body("versions[0].materials.size()", equalTo(2))
                .body("versions[1].materials.size()", equalTo(5))
                .body("versions[1].invoices.size()", equalTo(1))
                .body("initialReviews.complete", contains(false, true))
                .body("missingKinds.size()", equalTo(0));
        List<Integer> versions = Events.all(Topics.ACCEPTANCE, r -> project.toString().equals(r.key()) && r.value().contains("application-submitted"),
                Duration.ofSeconds(3)).stream().map(r -> read(r.value()).path("data").path("version").asInt()).sorted().toList();
        assertThat(versions).containsExactly(1, 2);
    }

    @Test
    void R4_wholePathPassAuditAndArchive() throws Exception {
        UUID application = Fixtures.completeApplication(enterprise, project);
        Fixtures.reviewed(application);
        Fixtures.conclude(application, "PASS").statusCode(200).body("status", equalTo("PASSED")).body("conclusion", equalTo("PASS"));

        JsonNode concluded = awaitEvent("cn.ruralfund.acceptance.acceptance-concluded.v1", project);
        // R17: the submission and each review step are public events on the same topic, keyed by the project
        JsonNode submitted = awaitEvent("cn.ruralfund.acceptance.application-submitted.v1", project);
        assertThat(submitted.path("data").path("applicationId").asText()).isEqualTo(application.toString());
        assertThat(submitted.path("data").path("version").asInt()).isEqualTo(1);
        assertThat(submitted.path("data").path("materials").asInt()).isEqualTo(KINDS.size());
        List<String> reviews = Events.all(Topics.ACCEPTANCE, r -> project.toString().equals(r.key()) && r.value().contains("review-recorded"),
                Duration.ofSeconds(3)).stream().map(r -> read(r.value()).path("data")).map(d -> d.path("stage").asText() + ":" + d.path("outcome").asText()).toList();
        assertThat(reviews).containsExactlyInAnyOrder("INITIAL:COMPLETE", "ON_SITE:MATCHES", "ON_SITE:MATCHES", "ON_SITE:MATCHES", "JOINT:AGREES");
        assertThat(concluded.path("data").path("projectId").asText()).isEqualTo(project.toString());
        assertThat(concluded.path("data").path("conclusion").asText()).isEqualTo("PASS");
        assertThat(concluded.path("data").path("reason").isNull()).isTrue();

        // third-party audit: only an auditor, only once, published with the amount exact to the fen
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(audit("700000.00")).post("/applications/" + application + "/audit")
                .then().statusCode(403);
        given().auth().oauth2(AUDITOR).contentType(ContentType.JSON).body(audit("-1.00")).post("/applications/" + application + "/audit")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(AUDITOR).contentType(ContentType.JSON).body(audit("700000.00")).post("/applications/" + application + "/audit")
                .then().statusCode(201).body("auditedEligibleAmount", cn.ruralfund.platform.testing.Money.yuan("700000.00"));
        given().auth().oauth2(AUDITOR).contentType(ContentType.JSON).body(audit("700000.00")).post("/applications/" + application + "/audit")
                .then().statusCode(409);
        ConsumerRecord<String, String> audited = Events.awaitRecord(Topics.ACCEPTANCE, r -> project.toString().equals(r.key())
                && r.value().contains("cn.ruralfund.acceptance.audit-completed.v1"), Duration.ofSeconds(60));
        assertThat(audited.value()).contains("\"auditedEligibleAmount\":700000.00").contains("\"reportNumber\":\"云审字〔2022〕第018号\"");

        // R6: the archive opens and every file matches its checksum in the manifest
        byte[] zip = given().auth().oauth2(OFFICE).get("/applications/" + application + "/archive").then().statusCode(200)
                .contentType("application/zip").extract().asByteArray();
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        JsonNode manifest = MAPPER.readTree(entries.get("manifest.json"));
        assertThat(manifest.path("applicationId").asText()).isEqualTo(application.toString());
        assertThat(manifest.path("files")).hasSize(entries.size() - 1).hasSize(1 + KINDS.size());
        for (JsonNode f : manifest.path("files")) {
            byte[] content = entries.get(f.path("path").asText());
            assertThat(content).as(f.path("path").asText()).isNotNull();
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content))).isEqualTo(f.path("sha256").asText());
            assertThat(content.length).isEqualTo(f.path("size").asInt());
        }
        JsonNode file = MAPPER.readTree(entries.get("application.json"));
        assertThat(file.path("application").path("conclusion").asText()).isEqualTo("PASS");
        assertThat(file.path("onSiteReviews")).hasSize(3);
        assertThat(file.path("jointReviews")).hasSize(1);
        assertThat(file.path("audit").path("reportNumber").asText()).isEqualTo("云审字〔2022〕第018号");
        assertThat(file.path("history").findValuesAsText("action")).contains("application.created", "application.submitted",
                "review.initial.complete", "team.assigned", "review.on-site", "review.joint", "acceptance.concluded", "audit.completed");
        // the enterprise reads its own archive; another enterprise cannot
        given().auth().oauth2(token()).get("/applications/" + application + "/archive").then().statusCode(200);
        given().auth().oauth2(Tokens.enterprise(Fixtures.creditCode())).get("/applications/" + application + "/archive").then().statusCode(403);
        // a passed project takes no new application
        given().auth().oauth2(token()).contentType(ContentType.JSON).body(Map.of("projectId", project)).post("/applications")
                .then().statusCode(409);
    }

    @Test
    void R4_conclusionWithoutOnSiteReviewIsRefused() {
        UUID application = Fixtures.completeApplication(enterprise, project);
        Fixtures.conclude(application, "PASS").statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://ruralfund.cn/problems/r4-no-on-site-review"));
        Fixtures.assignTeam(application, Fixtures.team());
        Fixtures.conclude(application, "FAIL").statusCode(422).body("type", equalTo("https://ruralfund.cn/problems/r4-no-on-site-review"));
        // nor can Finance hold the joint review before the on-site review
        Fixtures.joint(application, true).statusCode(422);
        assertNoConclusion(application);
    }

    @Test
    void R4_reviewByANonMemberIsRefused() {
        UUID application = Fixtures.completeApplication(enterprise, project);
        Fixtures.assignTeam(application, Fixtures.team());
        Fixtures.onSite("outsider-" + UUID.randomUUID(), application, true).statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(Map.of("matchesMaterials", true,
                        "findings", List.of(Map.of("item", "x", "finding", "y"))))
                .post("/applications/" + application + "/on-site-reviews").then().statusCode(403);
        given().auth().oauth2(OFFICE).get("/applications/" + application).then().body("onSiteReviews.size()", equalTo(0));
    }

    @Test
    void R4_fewerThanThreeMembersIsRefused() {
        UUID application = Fixtures.completeApplication(enterprise, project);
        List<String> team = Fixtures.team();
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(Map.of("members", team.subList(0, 2)))
                .put("/applications/" + application + "/team").then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://ruralfund.cn/problems/r4-team-too-small"));
        // the same name twice is one member
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(Map.of("members", List.of(team.get(0), team.get(1), team.get(1))))
                .put("/applications/" + application + "/team").then().statusCode(422);
        Fixtures.assignTeam(application, team);
        Fixtures.onSite(team.get(0), application, true).statusCode(201);
        Fixtures.onSite(team.get(1), application, true).statusCode(201);
        Fixtures.onSite(team.get(1), application, true).statusCode(409);
        // two of three reviews are not enough
        Fixtures.joint(application, true).statusCode(422).body("type", equalTo("https://ruralfund.cn/problems/r4-on-site-review-incomplete"));
        Fixtures.conclude(application, "PASS").statusCode(422).body("type", equalTo("https://ruralfund.cn/problems/r4-on-site-review-incomplete"));
        assertNoConclusion(application);
    }

    @Test
    void R4_theTeamMinimumIsTheProgramsRule_theConfiguredThreeOnlyUntilItIsHeard() {
        // this class's program announced no rules: the configured minimum (3) applies
        UUID jinghong = Fixtures.completeApplication(enterprise, project);
        given().auth().oauth2(OFFICE).get("/applications/" + jinghong).then().body("teamMinimum", equalTo(3));

        // another county's plan: a team of at least 5
        String other = Fixtures.creditCode();
        UUID otherProject = Fixtures.project(Fixtures.program(YearMonth.of(2099, 12), 5), other);
        UUID application = Fixtures.completeApplication(other, otherProject);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(OFFICE).get("/applications/" + application)
                .then().body("teamMinimum", equalTo(5)));
        String n = UUID.randomUUID().toString().substring(0, 8);
        List<String> five = List.of("zhao-" + n, "qian-" + n, "sun-" + n, "zhou-" + n, "wu-" + n);
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(Map.of("members", five.subList(0, 4)))
                .put("/applications/" + application + "/team").then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://ruralfund.cn/problems/r4-team-too-small"))
                .body("detail", containsString("at least 5"));
        given().auth().oauth2(OFFICE).get("/applications/" + application).then().body("team.size()", equalTo(0));
        Fixtures.assignTeam(application, five);
        for (String member : five.subList(0, 4)) {
            Fixtures.onSite(member, application, true).statusCode(201);
        }
        Fixtures.joint(application, true).statusCode(422).body("type", equalTo("https://ruralfund.cn/problems/r4-on-site-review-incomplete"));
        Fixtures.onSite(five.get(4), application, true).statusCode(201);
        Fixtures.joint(application, true).statusCode(201);
        Fixtures.conclude(application, "PASS").statusCode(200).body("status", equalTo("PASSED"));
    }

    @Test
    void R4_memberWithADeclaredConflictIsRefused() {
        UUID application = Fixtures.completeApplication(enterprise, project);
        List<String> team = Fixtures.team();
        given().auth().oauth2(Fixtures.member(team.get(2))).contentType(ContentType.JSON)
                .body(Map.of("enterpriseCreditCode", enterprise, "reason", "曾任该企业顾问")).post("/conflicts").then().statusCode(201);
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(Map.of("members", team))
                .put("/applications/" + application + "/team").then().statusCode(422)
                .body("type", equalTo("https://ruralfund.cn/problems/r4-member-conflict"));
    }

    @Test
    void R4_secondConclusionIsRefused() {
        UUID application = Fixtures.completeApplication(enterprise, project);
        Fixtures.reviewed(application);
        Fixtures.conclude(application, "PASS").statusCode(200);
        Fixtures.conclude(application, "FAIL").statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://ruralfund.cn/problems/r4-already-concluded"));
        given().auth().oauth2(OFFICE).get("/applications/" + application).then().body("application.conclusion", equalTo("PASS"));
    }

    @Test
    void R4_passNeedsTheReviewsToSupportIt() {
        UUID application = Fixtures.completeApplication(enterprise, project);
        List<String> team = Fixtures.team();
        Fixtures.assignTeam(application, team);
        Fixtures.onSite(team.get(0), application, true).statusCode(201);
        Fixtures.onSite(team.get(1), application, false).statusCode(201);
        Fixtures.onSite(team.get(2), application, true).statusCode(201);
        Fixtures.conclude(application, "PASS").statusCode(422).body("type", equalTo("https://ruralfund.cn/problems/r4-no-joint-review"));
        Fixtures.joint(application, true).statusCode(201);
        Fixtures.conclude(application, "PASS").statusCode(422).body("type", equalTo("https://ruralfund.cn/problems/r4-pass-not-supported"));
        Fixtures.conclude(application, "MAYBE").statusCode(400).contentType("application/problem+json");
        // 不合格: published with REVIEW_FAILED; the enterprise may rectify and apply again before the deadline
        Fixtures.conclude(application, "FAIL").statusCode(200).body("status", equalTo("FAILED"));
        JsonNode failed = awaitEvent("cn.ruralfund.acceptance.acceptance-concluded.v1", project);
        assertThat(failed.path("data").path("conclusion").asText()).isEqualTo("FAIL");
        assertThat(failed.path("data").path("reason").asText()).isEqualTo("REVIEW_FAILED");
        Fixtures.apply(enterprise, project);
    }

    @Test
    void R4_concurrentConclusionsDecideOnce() throws Exception {
        UUID application = Fixtures.completeApplication(enterprise, project);
        Fixtures.reviewed(application);
        CyclicBarrier start = new CyclicBarrier(2);
        List<CompletableFuture<Integer>> answers = List.of("PASS", "FAIL").stream().map(c -> CompletableFuture.supplyAsync(() -> {
            try {
                start.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return Fixtures.conclude(application, c).extract().statusCode();
        })).toList();
        List<Integer> statuses = answers.stream().map(CompletableFuture::join).sorted().toList();
        assertThat(statuses).containsExactly(200, 409);
        List<ConsumerRecord<String, String>> events = Events.all(Topics.ACCEPTANCE, r -> project.toString().equals(r.key())
                && r.value().contains("acceptance-concluded"), Duration.ofSeconds(5));
        assertThat(events).hasSize(1);
    }

    @Test
    void R4_objectionUpheldDuringPublicityReopensTheConclusion() {
        UUID application = Fixtures.completeApplication(enterprise, project);
        Fixtures.reviewed(application);
        Fixtures.conclude(application, "PASS").statusCode(200);
        Events.send(PublicityClosedV1.TYPE, UUID.randomUUID().toString(), new PublicityClosedV1(UUID.randomUUID(), "ACCEPTANCE", project,
                LocalDate.parse("2022-06-02"), LocalDate.parse("2022-06-09"), true, OffsetDateTime.now()));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(OFFICE).get("/applications/" + application)
                .then().body("application.status", equalTo("REOPENED")).body("project.acceptance", nullValue()));
        // reviewed again: the earlier joint review no longer counts; a new one, then a new conclusion
        Fixtures.conclude(application, "FAIL").statusCode(422).body("type", equalTo("https://ruralfund.cn/problems/r4-no-joint-review"));
        Fixtures.joint(application, false).statusCode(201);
        Fixtures.conclude(application, "FAIL").statusCode(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> Events.all(Topics.ACCEPTANCE, r -> project.toString().equals(r.key())
                && r.value().contains("\"conclusion\":\"FAIL\""), Duration.ofSeconds(2)).size() == 1);
    }

    private void assertNoConclusion(UUID application) {
        given().auth().oauth2(OFFICE).get("/applications/" + application).then()
                .body("application.status", equalTo("UNDER_REVIEW")).body("application.conclusion", nullValue());
    }

    private static Map<String, Object> audit(String amount) {
        return Map.of("auditFirm", "云南某会计师事务所", "reportNumber", "云审字〔2022〕第018号", "auditedEligibleAmount", amount);
    }

    private static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode awaitEvent(String type, UUID subject) {
        ConsumerRecord<String, String> r = Events.awaitRecord(Topics.ACCEPTANCE, x -> subject.toString().equals(x.key()) && x.value().contains(type),
                Duration.ofSeconds(60));
        try {
            return MAPPER.readTree(r.value());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
