package cn.ruralfund.acceptance;

import cn.ruralfund.platform.contracts.ProjectRegisteredV1;
import cn.ruralfund.platform.contracts.PublicityClosedV1;
import cn.ruralfund.platform.events.Topics;
import cn.ruralfund.platform.testing.Events;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.ruralfund.acceptance.Fixtures.OFFICE;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** What acceptance-service hears: events in any order, and incomplete events failing closed to the dead-letter topic. */
@QuarkusTest
class IncomingEventsTest {

    @Test
    void deadlineIsTheProgramsEndEvenWhenTheProjectArrivesFirst() {
        Fixtures.today("2022-06-01");
        UUID programId = UUID.randomUUID();
        UUID project = UUID.randomUUID();
        String enterprise = Fixtures.creditCode();
        Events.send(ProjectRegisteredV1.TYPE, project.toString(), new ProjectRegisteredV1(project, programId, UUID.randomUUID(), "电商服务站",
                "电商服务站点", false, enterprise, "某公司", new BigDecimal("100000.00"), null, List.of(), OffsetDateTime.now()));
        await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(OFFICE).get("/projects/" + project).statusCode() == 200);
        given().auth().oauth2(OFFICE).get("/projects/" + project).then().body("deadline", equalTo(null));
        Events.send(cn.ruralfund.platform.contracts.ProgramCreatedV1.TYPE, programId.toString(), new cn.ruralfund.platform.contracts.ProgramCreatedV1(
                programId, "景洪市", 2021, "2021 program " + programId, new BigDecimal("1000000.00"), YearMonth.of(2021, 1), YearMonth.of(2023, 2),
                List.of(), List.of()));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(OFFICE).get("/projects/" + project)
                .then().body("deadline", equalTo("2023-02-28")));
    }

    @Test
    void projectRegisteredWithoutABudgetGoesToTheDeadLetterTopic() {
        UUID project = UUID.randomUUID();
        Map<String, Object> data = new java.util.HashMap<>(Map.of("projectId", project, "programId", UUID.randomUUID(), "projectName", "x",
                "task", "t", "enterpriseCreditCode", Fixtures.creditCode()));
        Events.send(ProjectRegisteredV1.TYPE.topic(), project.toString(), Events.cloudEvent(ProjectRegisteredV1.TYPE.type(), project.toString(), data));
        Events.awaitRecord(Topics.deadLetter("acceptance-service"), r -> project.toString().equals(r.key()), Duration.ofSeconds(60));
        given().auth().oauth2(OFFICE).get("/projects/" + project).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void publicityClosedWithoutObjectionUpheldFailsClosed() {
        UUID announcement = UUID.randomUUID();
        Map<String, Object> data = Map.of("announcementId", announcement, "kind", "ACCEPTANCE", "projectId", UUID.randomUUID(),
                "openedOn", "2022-06-02", "closedOn", "2022-06-09", "closedAt", OffsetDateTime.now().toString());
        Events.send(PublicityClosedV1.TYPE.topic(), announcement.toString(),
                Events.cloudEvent(PublicityClosedV1.TYPE.type(), announcement.toString(), data));
        Events.awaitRecord(Topics.deadLetter("acceptance-service"), r -> announcement.toString().equals(r.key()), Duration.ofSeconds(60));
    }
}
