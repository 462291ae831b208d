package cn.ruralfund.reporting;

import cn.ruralfund.platform.contracts.ProgramCreatedV1;
import cn.ruralfund.platform.events.Topics;
import cn.ruralfund.platform.testing.Events;
import cn.ruralfund.platform.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static cn.ruralfund.platform.testing.Money.yuan;

/** The event backbone as a consumer sees it, over the real broker and database. */
@QuarkusTest
class ProgramReadModelTest {

    static {
        cn.ruralfund.platform.testing.Money.exact();
    }

    static final String OFFICE = Tokens.of("COMMERCE_OFFICE");
    static final String DEAD_LETTERS = Topics.deadLetter("reporting-service");

    static ProgramCreatedV1 program(UUID id) {
        return new ProgramCreatedV1(id, "景洪市", 2020, "program " + id, new BigDecimal("5000000.00"),
                YearMonth.of(2020, 12), YearMonth.of(2022, 12),
                List.of(new ProgramCreatedV1.Direction(UUID.randomUUID(), "电商精准扶贫体系建设", new BigDecimal("500000.00")),
                        new ProgramCreatedV1.Direction(UUID.randomUUID(), "农产品上行体系建设", new BigDecimal("4500000.00"))),
                List.of(new ProgramCreatedV1.Phase("LAUNCH", "启动阶段", YearMonth.of(2020, 12), YearMonth.of(2020, 12))));
    }

    static void awaitProgram(UUID id) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(OFFICE).get("/programs/" + id).then().statusCode(200));
    }

    @Test
    void programCreatedEventBuildsTheReadModel() {
        UUID id = UUID.randomUUID();
        Events.send(Topics.BUDGET, id.toString(), Events.cloudEvent(ProgramCreatedV1.TYPE.type(), id.toString(), program(id)));

        awaitProgram(id);
        given().auth().oauth2(Tokens.of("AUDITOR")).get("/programs/" + id).then()
                .body("allotted", yuan("5000000.00"))
                .body("directions", hasSize(2));
    }

    @Test
    void Backbone_redeliveredEventChangesNothing() {
        UUID id = UUID.randomUUID();
        String event = Events.cloudEvent(ProgramCreatedV1.TYPE.type(), id.toString(), program(id));
        Events.send(Topics.BUDGET, id.toString(), event);
        awaitProgram(id);

        Events.send(Topics.BUDGET, id.toString(), event); // the same event id again, as after a relay restart
        UUID marker = UUID.randomUUID(); // sent after the redelivery on the same key (same partition): once it is applied, so was the redelivery
        Events.send(Topics.BUDGET, id.toString(), Events.cloudEvent(ProgramCreatedV1.TYPE.type(), marker.toString(), program(marker)));
        awaitProgram(marker);

        given().auth().oauth2(OFFICE).get("/programs/" + id + "/timeline").then().statusCode(200).body("$", hasSize(1));
        given().auth().oauth2(OFFICE).get("/programs/" + id).then().body("allotted", yuan("5000000.00"));
        assertThat(Events.all(DEAD_LETTERS, r -> id.toString().equals(r.key()), Duration.ofSeconds(2)))
                .as("a redelivery is skipped, not failed").isEmpty();
    }

    @Test
    void Backbone_poisonMessageGoesToDeadLetterTopicAndConsumptionGoesOn() {
        String key = UUID.randomUUID().toString();
        Events.send(Topics.BUDGET, key, "{not json");
        Events.send(Topics.BUDGET, key, Events.cloudEvent(ProgramCreatedV1.TYPE.type(), key, Map.of("total", "lots")));

        UUID next = UUID.randomUUID();
        Events.send(Topics.BUDGET, key, Events.cloudEvent(ProgramCreatedV1.TYPE.type(), key, program(next)));
        awaitProgram(next);

        // a record that is not JSON has no subject to key its dead letter by: it is found by its value
        var dead = Events.all(DEAD_LETTERS, r -> key.equals(r.key()) || "{not json".equals(r.value()), Duration.ofSeconds(5));
        assertThat(dead).hasSize(2);
        var notJson = dead.stream().filter(r -> "{not json".equals(r.value())).findFirst().orElseThrow();
        var badData = dead.stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow();
        Header reason = notJson.headers().lastHeader("dead-letter-reason");
        assertThat(reason).isNotNull();
        assertThat(new String(reason.value(), StandardCharsets.UTF_8)).contains("not a CloudEvent");
        assertThat(new String(badData.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                .contains("breaks its schema");
    }

    @Test
    void readsNeedAnOfficialRoleAndAKnownProgram() {
        given().get("/programs").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(Tokens.enterprise("91350100M000100Y43")).get("/programs").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(OFFICE).get("/programs/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }
}
