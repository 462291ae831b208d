package cn.ruralfund.reporting;

import cn.ruralfund.platform.contracts.AllocationSetV1;
import cn.ruralfund.platform.contracts.ProgramCreatedV1;
import cn.ruralfund.platform.contracts.ReportOverdueV1;
import cn.ruralfund.platform.events.Topics;
import cn.ruralfund.platform.testing.Events;
import cn.ruralfund.platform.testing.Tokens;
import cn.ruralfund.platform.time.PlatformClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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

/** R19 published statistics, R16 overdue reports, and the allocation read model, on the real broker and database. */
@QuarkusTest
class StatisticsAndObligationsTest {

    static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void R19_aCellFromFewerThanThreeEnterprisesIsSuppressedAndCannotBeRecoveredFromTheTotal() {
        UUID program = Fixtures.program();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String three = "三家乡-" + tag, two = "两家乡-" + tag, four = "四家乡-" + tag;
        for (int i = 0; i < 3; i++) {
            var b = brand(program, 1);
            post(b, record(b, "P1", "2015-03", "KUAISHOU", three, "100.00")).then().statusCode(201);
        }
        var b1 = brand(program, 1);
        post(b1, record(b1, "P1", "2015-03", "KUAISHOU", two, "50.00")).then().statusCode(201);
        var b2 = brand(program, 1);
        post(b2, record(b2, "P1", "2015-04", "KUAISHOU", two, "60.00")).then().statusCode(201);
        for (int i = 0; i < 4; i++) {
            var b = brand(program, 1);
            post(b, record(b, "P1", "2015-04", "KUAISHOU", four, "1000.00")).then().statusCode(201);
        }

        var stats = exact(given().queryParam("year", 2015).get("/public/statistics").then().statusCode(200)); // anonymous
        List<Map<String, Object>> towns = stats.getList("byTownship.cells");
        Map<String, Map<String, Object>> byName = new java.util.HashMap<>();
        towns.forEach(t -> byName.put((String) t.get("key"), t));
        assertThat(byName.get(two).get("suppressed")).isEqualTo(true);
        assertThat(byName.get(two).get("amount")).isNull();
        assertThat(byName.get(three).get("suppressed")).as("secondary suppression: else total − others = the hidden cell").isEqualTo(true);
        assertThat(money(byName.get(four).get("amount"))).isEqualTo("4000.00");
        assertThat(money(stats.get("byTownship.total"))).isEqualTo("4410.00");
        List<Map<String, Object>> months = stats.getList("byMonth.cells");
        assertThat(months).extracting(m -> m.get("key")).containsExactly("2015-03", "2015-04");
        assertThat(months).allSatisfy(m -> assertThat(m.get("suppressed")).isEqualTo(false));
        assertThat(money(stats.getList("byPlatform.cells", Map.class).get(0).get("amount"))).isEqualTo("4410.00");
        given().queryParam("year", "x").get("/public/statistics").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void R16_aMonthlyReportMissedByItsDueDatePublishesReportOverdueOnce() throws Exception {
        UUID program = Fixtures.program();
        String enterprise = Fixtures.creditCode();
        var b = brand(program, enterprise, 1);
        post(b, record(b, "P1", "2021-02", "JD", "勐龙镇", "10.00")).then().statusCode(201);
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(Map.of("enterpriseCreditCode", enterprise,
                "firstPeriod", "2021-01", "lastPeriod", "2021-03", "dueDay", 10)).post("/reporting-obligations").then().statusCode(201);
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(Map.of("enterpriseCreditCode", enterprise,
                "firstPeriod", "2021-03", "lastPeriod", "2021-01", "dueDay", 10)).post("/reporting-obligations").then().statusCode(400);
        given().auth().oauth2(Tokens.enterprise(enterprise)).post("/reporting-obligations/check").then().statusCode(403);

        at(2021, 4, 5); // January's report was due on 10 February; February's came; March's is due on 10 April
        given().auth().oauth2(OFFICE).post("/reporting-obligations/check").then().statusCode(200);
        given().auth().oauth2(OFFICE).post("/reporting-obligations/check").then().statusCode(200);
        at(2021, 4, 11);
        given().auth().oauth2(OFFICE).post("/reporting-obligations/check").then().statusCode(200);

        var overdue = Events.all(Topics.REPORTING, r -> enterprise.equals(r.key()) && r.value().contains(ReportOverdueV1.TYPE.type()),
                Duration.ofSeconds(5));
        assertThat(overdue).hasSize(2);
        JsonNode first = MAPPER.readTree(overdue.get(0).value());
        assertThat(first.path("data").path("period").asText()).isEqualTo("2021-01");
        assertThat(first.path("data").path("dueOn").asText()).isEqualTo("2021-02-10");
        assertThat(first.path("dataschema").asText()).isEqualTo("https://ruralfund.cn" + ReportOverdueV1.TYPE.schema()); // absolute, as CloudEvents requires
        assertThat(MAPPER.readTree(overdue.get(1).value()).path("data").path("period").asText()).isEqualTo("2021-03");
    }

    private static void at(int year, int month, int day) {
        QuarkusMock.installMockForType(PlatformClock.of(Clock.fixed(LocalDateTime.of(year, month, day, 9, 0)
                .atZone(ZoneId.of("Asia/Shanghai")).toInstant(), ZoneId.of("Asia/Shanghai"))), PlatformClock.class);
    }

    @Test
    void allocationSetKeepsTheDirectionsCurrent() {
        UUID program = UUID.randomUUID();
        ProgramCreatedV1 created = Fixtures.programEvent(program, "测试县", 2021);
        Events.send(ProgramCreatedV1.TYPE, program.toString(), created);
        Fixtures.awaitProgram(program);
        var direction = created.directions().get(0);
        Events.send(AllocationSetV1.TYPE, program.toString(), new AllocationSetV1(program, direction.directionId(), direction.name(),
                direction.allocation(), new BigDecimal("800000.00"), "附件4 revised"));
        await().atMost(Duration.ofSeconds(60)).until(() -> "800000.00".equals(money(exact(given().auth().oauth2(OFFICE)
                .get("/programs/" + program).then().statusCode(200)).getList("directions", Map.class).stream()
                .filter(d -> d.get("directionId").equals(direction.directionId().toString())).findFirst().orElseThrow().get("allocation"))));
        given().auth().oauth2(OFFICE).get("/programs/" + program + "/timeline").then().body("size()", equalTo(2));

        UUID unknown = UUID.randomUUID();
        Events.send(AllocationSetV1.TYPE, program.toString(), new AllocationSetV1(program, unknown, "?", BigDecimal.ZERO, BigDecimal.ONE, "x"));
        var dead = Events.awaitRecord(Topics.deadLetter("reporting-service"),
                r -> program.toString().equals(r.key()) && r.value().contains(unknown.toString()), Duration.ofSeconds(60));
        assertThat(new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8)).contains("not seen");
    }
}
