package cn.ruralfund.publicity;

import cn.ruralfund.platform.contracts.AcceptanceConcludedV1;
import cn.ruralfund.platform.contracts.ProjectRegisteredV1;
import cn.ruralfund.platform.testing.Events;
import cn.ruralfund.platform.testing.Tokens;
import cn.ruralfund.platform.time.PlatformClock;
import io.quarkus.test.junit.QuarkusMock;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** The other services' events sent as real CloudEvents to the real broker, and the office's and the public's requests. */
final class Fixtures {

    static final String OFFICE = Tokens.of("COMMERCE_OFFICE");
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private Fixtures() {
    }

    /** Sets the platform clock to 10:00 China time on {@code date} (for this test). */
    static void today(String date) {
        Clock fixed = Clock.fixed(LocalDate.parse(date).atTime(10, 0).atZone(ZONE).toInstant(), ZONE);
        QuarkusMock.installMockForType(PlatformClock.of(fixed), PlatformClock.class);
    }

    /** A project registered by project-service, then passed by acceptance-service; returns the announcement's id. */
    static String announced(String projectName) {
        return passed(registered(projectName));
    }

    /** Like {@link #announced}, waiting for the registration to be consumed first, so the announcement bears the project's name. */
    static String announcedByName(String projectName, io.vertx.core.Vertx vertx) {
        return passed(known(registered(projectName), vertx));
    }

    /** Waits until the project's registration has been consumed. */
    static UUID known(UUID project, io.vertx.core.Vertx vertx) {
        await().atMost(Duration.ofSeconds(60)).until(() -> cn.ruralfund.platform.reactive.UnitOfWork.onSafeContext(vertx,
                        () -> io.quarkus.hibernate.reactive.panache.Panache.withSession(
                                () -> cn.ruralfund.publicity.domain.ProjectFact.findById(project)))
                .await().atMost(Duration.ofSeconds(10)) != null);
        return project;
    }

    /** A project registered by project-service (on its own topic: not ordered with acceptance-service's events). */
    static UUID registered(String projectName) {
        return registered(projectName, UUID.randomUUID());
    }

    /** A project of {@code programId} registered by project-service. */
    static UUID registered(String projectName, UUID programId) {
        UUID projectId = UUID.randomUUID();
        Events.send(ProjectRegisteredV1.TYPE, projectId.toString(), new ProjectRegisteredV1(projectId, programId, UUID.randomUUID(),
                projectName, "农产品上行", false, "91532801MA6K000001", "景洪测试电商有限公司", new BigDecimal("400000.00"),
                new ProjectRegisteredV1.DedicatedAccount("中国农业银行景洪支行", "景洪测试电商有限公司", "6228480123456789012"),
                null, OffsetDateTime.now()));
        return projectId;
    }

    /** acceptance-service concluded PASS; returns the announcement's id once it is published. */
    static String passed(UUID projectId) {
        Events.send(AcceptanceConcludedV1.TYPE, projectId.toString(),
                new AcceptanceConcludedV1(projectId, AcceptanceConcludedV1.PASS, null, "验收合格", OffsetDateTime.now()));
        return announcementOf(projectId);
    }

    static String announcementOf(UUID projectId) {
        String[] id = new String[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            var r = given().queryParam("projectId", projectId.toString()).get("/announcements").then().statusCode(200).extract();
            Integer total = r.path("total");
            // the page and the total are two statements: an announcement committed between them is counted but not listed
            String first = r.path("items[0].id");
            if (total != null && total == 1 && first != null) {
                id[0] = first;
                return true;
            }
            return false;
        });
        return id[0];
    }

    /** A client address of its own, so that tests do not share a rate-limit bucket. */
    static String address() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(1, 255);
    }

    static ValidatableResponse object(String announcementId, String address, String text) {
        return given().header("X-Forwarded-For", address).contentType(ContentType.JSON)
                .body(Map.of("name", "岩罕", "contact", "13988888888", "text", text))
                .post("/announcements/" + announcementId + "/objections").then();
    }

    static ValidatableResponse decide(String announcementId, String objectionId, String decision) {
        return given().auth().oauth2(OFFICE).contentType(ContentType.JSON)
                .body(Map.of("decision", decision, "reasons", "经核查：" + decision))
                .post("/announcements/" + announcementId + "/objections/" + objectionId + "/decision").then();
    }

    static ValidatableResponse close(String announcementId) {
        return given().auth().oauth2(OFFICE).post("/announcements/" + announcementId + "/closure").then();
    }

    static ValidatableResponse detail(String announcementId) {
        return given().get("/announcements/" + announcementId).then().statusCode(200);
    }
}
