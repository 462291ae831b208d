package cn.ruralfund.project;

import cn.ruralfund.platform.contracts.DuplicateClaimConfirmedV1;
import cn.ruralfund.platform.events.Topics;
import cn.ruralfund.platform.inbox.DeadLetters;
import cn.ruralfund.platform.testing.Events;
import cn.ruralfund.platform.testing.Postgres;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static cn.ruralfund.project.Fixtures.OFFICE;
import static cn.ruralfund.project.Fixtures.PROJECT_TOPIC;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * R15: a duplicate claim the office confirmed in acceptance-service (duplicate-claim-confirmed, the contract record as
 * acceptance-service publishes it) becomes a DUPLICATE_CLAIM violation of the claim's project, with the amount
 * budget-service recovers, once however often it is heard.
 */
@QuarkusTest
class DuplicateClaimViolationTest {

    @Test
    void R15_confirmedDuplicateClaimBecomesOneViolationWithItsAmount() throws Exception {
        var program = Fixtures.program();
        String code = Fixtures.creditCode();
        UUID enterprise = Fixtures.enterprise(code);
        UUID project = Fixtures.project(Fixtures.awardedTender(program, enterprise));
        UUID confirmation = UUID.randomUUID();
        DuplicateClaimConfirmedV1 confirmed = new DuplicateClaimConfirmedV1(confirmation, "景商务〔2022〕15号", "INVOICE",
                "530012345678-12345678", new BigDecimal("356000.00"),
                new DuplicateClaimConfirmedV1.Claim(UUID.randomUUID(), project, program.programId(), code, UUID.randomUUID()),
                new DuplicateClaimConfirmedV1.Claim(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), Fixtures.creditCode(), UUID.randomUUID()),
                "同一发票已在另一项目申报补助", OffsetDateTime.now());
        String firstId = UUID.randomUUID().toString();
        String record = Events.cloudEvent(firstId, DuplicateClaimConfirmedV1.TYPE.type(), project.toString(), confirmed);
        Events.send(Topics.ACCEPTANCE, project.toString(), record);
        Events.send(Topics.ACCEPTANCE, project.toString(), record); // redelivered: same event id
        String secondId = Events.send(DuplicateClaimConfirmedV1.TYPE, project.toString(), confirmed); // published again: new id, same confirmation

        JsonNode violation = Fixtures.awaitEvent(PROJECT_TOPIC, project.toString(), "cn.ruralfund.project.violation-confirmed.v1");
        assertThat(violation.at("/data/violationId").asText()).isEqualTo(confirmation.toString());
        assertThat(violation.at("/data/rule").asText()).isEqualTo("R15");
        assertThat(violation.at("/data/kind").asText()).isEqualTo("DUPLICATE_CLAIM");
        assertThat(violation.at("/data/enterpriseCreditCode").asText()).isEqualTo(code);
        assertThat(violation.at("/data/amount").decimalValue()).isEqualByComparingTo("356000.00");
        assertThat(violation.at("/data/description").asText()).contains("景商务〔2022〕15号", "530012345678-12345678",
                confirmed.otherClaim().projectId().toString());
        JsonNode disqualified = Fixtures.awaitEvent(PROJECT_TOPIC, code, "cn.ruralfund.project.enterprise-disqualified.v2");
        assertThat(disqualified.at("/data/rule").asText()).isEqualTo("R15");
        given().auth().oauth2(OFFICE).get("/projects/" + project).then().body("status", equalTo("DISQUALIFIED"));

        // all three heard (the Inbox recorded two event ids), one violation and one violation-confirmed
        await().atMost(Duration.ofSeconds(60)).until(() -> count("select count(*) from processed_event where consumer = 'duplicate-claims'"
                + " and event_id in ('" + firstId + "', '" + secondId + "')") == 2);
        assertThat(count("select count(*) from violation where project_id = '" + project + "'")).isEqualTo(1);
        List<ConsumerRecord<String, String>> published = Events.all(PROJECT_TOPIC, r -> project.toString().equals(r.key())
                && r.value().contains("\"cn.ruralfund.project.violation-confirmed.v1\""), Duration.ofSeconds(3));
        assertThat(published).hasSize(1);
    }

    @Test
    void R15_confirmationForAProjectUnknownHereIsDeadLettered() throws Exception {
        UUID confirmation = UUID.randomUUID();
        UUID project = UUID.randomUUID();
        String id = Events.send(DuplicateClaimConfirmedV1.TYPE, project.toString(), new DuplicateClaimConfirmedV1(confirmation, "景商务〔2022〕16号",
                "SERIAL_NUMBER", "SN20210001", new BigDecimal("1.00"),
                new DuplicateClaimConfirmedV1.Claim(UUID.randomUUID(), project, UUID.randomUUID(), Fixtures.creditCode(), UUID.randomUUID()),
                new DuplicateClaimConfirmedV1.Claim(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), Fixtures.creditCode(), UUID.randomUUID()),
                "重复申报", OffsetDateTime.now()));
        ConsumerRecord<String, String> dead = Events.awaitRecord("ruralfund.project-service.dead-letter", r -> r.value().contains(id),
                Duration.ofSeconds(60));
        assertThat(new String(dead.headers().lastHeader(DeadLetters.KIND).value(), StandardCharsets.UTF_8)).isEqualTo("CONTRACT");
        assertThat(new String(dead.headers().lastHeader(DeadLetters.REASON).value(), StandardCharsets.UTF_8)).contains(project.toString());
        assertThat(count("select count(*) from violation where id = '" + confirmation + "'")).isZero();
    }

    private static long count(String sql) throws Exception {
        try (Connection c = Postgres.connect("project"); PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
