package cn.ruralfund.publicity;

import cn.ruralfund.platform.contracts.ProgramRulesSetV1;
import cn.ruralfund.platform.events.Topics;
import cn.ruralfund.platform.testing.Events;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static cn.ruralfund.publicity.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * R5 with a program's own rules (issue 8: a program's rules are its data): the window length comes from budget-service's
 * {@code program-rules-set} on the real broker; the office's setting (5) only while no rule of the program arrived.
 */
@QuarkusTest
class ProgramRulesTest {

    @Inject
    Vertx vertx;

    static void rules(UUID program, int publicityWorkingDays) {
        Events.send(ProgramRulesSetV1.TYPE, program.toString(), new ProgramRulesSetV1(program, 30, publicityWorkingDays, 3));
    }

    static void awaitRule(UUID program, int workingDays) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            var r = given().get("/calendar/programs/" + program + "/publicity-window").then().statusCode(200).extract();
            return "PROGRAM_RULES".equals(r.path("from")) && Integer.valueOf(workingDays).equals(r.path("workingDays"));
        });
    }

    @Test
    void R5_eachProgramOpensWindowsOfItsOwnLength() {
        today("2021-06-03"); // Thursday
        UUID sevenDays = UUID.randomUUID();
        UUID noRule = UUID.randomUUID();
        rules(sevenDays, 7);
        awaitRule(sevenDays, 7);
        given().get("/calendar/programs/" + noRule + "/publicity-window").then().statusCode(200)
                .body("workingDays", equalTo(5)).body("from", equalTo("OFFICE_SETTING"));

        String seven = passed(known(registered("七个工作日公示的项目", sevenDays), vertx));
        // Published Thu 06-03 (not counted): Fri 04 (1), Mon 07 (2), Tue 08 (3), Wed 09 (4), Thu 10 (5), Fri 11 (6);
        // Sat 12 – Mon 14 is the Dragon Boat Festival (端午节, State Council 2021 notice) and the weekend; Tue 06-15 (7).
        detail(seven).body("window.workingDays", equalTo(7)).body("window.lengthFrom", equalTo("PROGRAM_RULES"))
                .body("window.endsOn", equalTo("2021-06-15"))
                .body("body", containsString("公示期为7个工作日（2021-06-04起至2021-06-15止"));

        String five = passed(known(registered("沿用办公室设置的项目", noRule), vertx));
        // No rule of this program: the office's 5 working days, Fri 04 .. Thu 06-10.
        detail(five).body("window.workingDays", equalTo(5)).body("window.lengthFrom", equalTo("OFFICE_SETTING"))
                .body("window.endsOn", equalTo("2021-06-10"));
    }

    @Test
    void R5_aChangedRuleNeverMovesAnOpenWindow() {
        today("2021-06-03");
        UUID program = UUID.randomUUID();
        rules(program, 7);
        awaitRule(program, 7);
        String first = passed(known(registered("规则变更前公示的项目", program), vertx));
        detail(first).body("window.endsOn", equalTo("2021-06-15"));

        rules(program, 10);
        awaitRule(program, 10);
        // The open window keeps its 7 days; a new one gets 10: ... Tue 15 (7), Wed 16 (8), Thu 17 (9), Fri 06-18 (10).
        detail(first).body("window.workingDays", equalTo(7)).body("window.endsOn", equalTo("2021-06-15"));
        String second = passed(known(registered("规则变更后公示的项目", program), vertx));
        detail(second).body("window.workingDays", equalTo(10)).body("window.endsOn", equalTo("2021-06-18"));
    }

    @Test
    void R5_aProgramRuleBelowFiveWorkingDaysIsRefused() {
        UUID program = UUID.randomUUID();
        rules(program, 6);
        awaitRule(program, 6);
        rules(program, 4);
        var dead = Events.awaitRecord(Topics.deadLetter("publicity-service"),
                r -> program.toString().equals(r.key()) && r.value().contains("\"publicityWorkingDays\":4"), Duration.ofSeconds(60));
        assertThat(dead.value()).contains(program.toString());
        // the refused rule changed nothing: still 6
        given().get("/calendar/programs/" + program + "/publicity-window").then().body("workingDays", equalTo(6))
                .body("from", equalTo("PROGRAM_RULES"));
    }
}
