package cn.ruralfund.reporting;

import cn.ruralfund.platform.contracts.ProjectRegisteredV1;
import cn.ruralfund.platform.contracts.PublicityClosedV1;
import cn.ruralfund.platform.testing.Events;
import cn.ruralfund.platform.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.ruralfund.reporting.Fixtures.OFFICE;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;

/** Read models of project-, acceptance- and publicity-service's events: projects by status, publicity outcomes, notices. */
@QuarkusTest
class ProjectReadModelsTest {

    @Test
    void Projects_byStatusFromEventsInAnyOrderEachAppliedOnce() {
        UUID program = Fixtures.program();
        String a = Fixtures.creditCode(), b = Fixtures.creditCode(), c = Fixtures.creditCode();
        // the acceptance arrives before the registration (another topic): the status is read from both, whatever the order
        ProjectRegisteredV1 coldChain = ProjectEvents.project(program, "勐龙镇冷链仓储", "冷链仓储", a, "COLD_CHAIN_FACILITY");
        ProjectEvents.concluded(coldChain.projectId(), "PASS");
        String registration = Events.cloudEvent(ProjectRegisteredV1.TYPE.type(), coldChain.projectId().toString(), coldChain);
        Events.send(ProjectRegisteredV1.TYPE.topic(), coldChain.projectId().toString(), registration);
        Events.send(ProjectRegisteredV1.TYPE.topic(), coldChain.projectId().toString(), registration); // redelivered
        ProjectRegisteredV1 failed = ProjectEvents.register(program, "物流配送", "物流配送体系", b, "LOGISTICS");
        ProjectEvents.concluded(failed.projectId(), "FAIL");
        ProjectRegisteredV1 open = ProjectEvents.register(program, "电商服务站", "电商服务站点", c, "SERVICE_STATION");
        ProjectRegisteredV1 lost = ProjectEvents.register(program, "品牌培育", "品牌培育", c, "BRAND_BUILDING");
        ProjectEvents.disqualified(c, program);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(OFFICE).get("/programs/" + program + "/projects")
                .then().statusCode(200).body("projects", hasSize(4))
                .body("byStatus.ACCEPTED", org.hamcrest.Matchers.equalTo(1))
                .body("byStatus.ACCEPTANCE_FAILED", org.hamcrest.Matchers.equalTo(1))
                .body("byStatus.DISQUALIFIED", org.hamcrest.Matchers.equalTo(2))
                .body("byStatus.REGISTERED", org.hamcrest.Matchers.equalTo(0)));
        var accepted = Fixtures.exact(given().auth().oauth2(OFFICE).queryParam("status", "ACCEPTED").get("/programs/" + program + "/projects")
                .then().statusCode(200));
        assertThat(accepted.getList("projects.name")).containsExactly("勐龙镇冷链仓储");
        assertThat(Fixtures.money(accepted.get("projects[0].budget"))).isEqualTo("600000.00");
        assertThat(accepted.getBoolean("projects[0].buildFirstSubsidiseAfter")).isTrue();
        assertThat(open.projectId()).isNotEqualTo(lost.projectId());
        given().auth().oauth2(OFFICE).queryParam("status", "NOPE").get("/programs/" + program + "/projects").then().statusCode(400);
        given().auth().oauth2(Tokens.enterprise(a)).get("/programs/" + program + "/projects").then().statusCode(403);
    }

    @Test
    void Publicity_outcomesOfTheProgramsProjects() {
        UUID program = Fixtures.program();
        ProjectRegisteredV1 p = ProjectEvents.register(program, "冷链", "冷链仓储", Fixtures.creditCode(), "COLD_CHAIN_FACILITY");
        ProjectRegisteredV1 q = ProjectEvents.register(program, "物流", "物流配送体系", Fixtures.creditCode(), "LOGISTICS");
        PublicityClosedV1 clean = ProjectEvents.publicity(p.projectId(), false);
        PublicityClosedV1 upheld = ProjectEvents.publicity(q.projectId(), true);
        Events.send(PublicityClosedV1.TYPE, upheld.announcementId().toString(), upheld); // another event id, same announcement: one row

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(OFFICE).get("/programs/" + program + "/publicity-outcomes")
                .then().statusCode(200).body("$", hasSize(2)));
        List<Map<String, Object>> outcomes = given().auth().oauth2(OFFICE).get("/programs/" + program + "/publicity-outcomes")
                .then().extract().jsonPath().getList("$");
        Map<String, Object> byClean = outcomes.stream().filter(o -> clean.announcementId().toString().equals(o.get("announcementId"))).findFirst().orElseThrow();
        Map<String, Object> byUpheld = outcomes.stream().filter(o -> upheld.announcementId().toString().equals(o.get("announcementId"))).findFirst().orElseThrow();
        assertThat(byClean.get("outcome")).isEqualTo("NO_OBJECTION_UPHELD");
        assertThat(byClean.get("closedOn")).isEqualTo("2021-06-08");
        assertThat(byUpheld.get("outcome")).isEqualTo("OBJECTION_UPHELD");
        assertThat(byUpheld.get("projectName")).isEqualTo("物流");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(given().auth().oauth2(OFFICE).queryParam("status", "REGISTERED")
                .get("/programs/" + program + "/projects").then().extract().jsonPath().getList("projects.publicity"))
                .containsExactlyInAnyOrder("CLOSED", "OBJECTION_UPHELD"));
    }

    @Test
    void Notices_issuedAndClosedAndAnEnterpriseReadsItsOwnOnly() {
        UUID program = Fixtures.program();
        String enterprise = Fixtures.creditCode();
        ProjectRegisteredV1 p = ProjectEvents.register(program, "冷链", "冷链仓储", enterprise, "COLD_CHAIN_FACILITY");
        var rectified = ProjectEvents.notice(p.projectId(), enterprise);
        var open = ProjectEvents.notice(p.projectId(), enterprise);
        ProjectEvents.closed(rectified, "RECTIFIED");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(OFFICE).queryParam("enterprise", enterprise)
                .get("/notices").then().statusCode(200).body("$", hasSize(2))
                .body("find { it.noticeId == '" + rectified.noticeId() + "' }.outcome", org.hamcrest.Matchers.equalTo("RECTIFIED")));
        given().auth().oauth2(Tokens.enterprise(enterprise)).queryParam("open", "true").get("/notices").then().statusCode(200)
                .body("noticeId", org.hamcrest.Matchers.contains(open.noticeId().toString()))
                .body("[0].deadline", org.hamcrest.Matchers.equalTo("2021-08-31"))
                .body("[0].rule", org.hamcrest.Matchers.equalTo("R12"));
        given().auth().oauth2(Tokens.enterprise(enterprise)).queryParam("enterprise", Fixtures.creditCode()).get("/notices").then().statusCode(403);
        given().auth().oauth2(Tokens.enterprise(Fixtures.creditCode())).get("/notices").then().statusCode(200).body("$", hasSize(0));
        given().auth().oauth2(OFFICE).queryParam("open", "maybe").get("/notices").then().statusCode(400);
    }
}
