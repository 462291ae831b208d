package cn.ruralfund.publicity;

import cn.ruralfund.platform.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * R5 with the real State Council data (holidays-cn) and the default counting, the Civil Code's: the day of
 * publication is not counted (art. 201), so the window is the next 5 working days and ends on a working day
 * (art. 203). Every expected date is worked out by hand in the comment beside it.
 */
@QuarkusTest
class WorkingDayCalendarTest {

    LocalDays localDays;

    @BeforeEach
    void rememberTheLocalLayer() {
        localDays = new LocalDays();
    }

    @AfterEach
    void putTheLocalLayerBack() {
        localDays.restore();
    }

    static String windowEnd(String start) {
        return given().queryParam("start", start).get("/calendar/publicity-window")
                .then().statusCode(200).body("workingDays", equalTo(5)).body("counting", equalTo("CIVIL_CODE"))
                .extract().path("end");
    }

    static void assertEnd(String start, String end) {
        assertThat(windowEnd(start)).as("window published on " + start).isEqualTo(end);
    }

    @Test
    void R5_publicationDayIsNotCountedOnAnOrdinaryWeek() {
        // Published Thu 2021-06-03 (not counted): Fri 06-04 (1), [Sat 5, Sun 6], Mon 06-07 (2), Tue 06-08 (3),
        // Wed 06-09 (4), Thu 06-10 (5).
        assertEnd("2021-06-03", "2021-06-10");
    }

    @Test
    void R5_windowAcrossNationalDay2021() {
        // 2021 National Day: off Fri Oct 1 to Thu Oct 7; Sun Sep 26 and Sat Oct 9 are working days (调休).
        // Published Thu 2021-09-30 (not counted): [Oct 1–7 off], Fri 10-08 (1), Sat 10-09 adjusted (2), [Sun 10],
        // Mon 10-11 (3), Tue 10-12 (4), Wed 10-13 (5).
        assertEnd("2021-09-30", "2021-10-13");
        // Published on the adjusted working Sunday 2021-09-26 (not counted): Mon 27 (1), Tue 28 (2), Wed 29 (3),
        // Thu 30 (4), [Oct 1–7 off], Fri 10-08 (5).
        assertEnd("2021-09-26", "2021-10-08");
    }

    @Test
    void R5_windowAcrossSpringFestival2021() {
        // 2021 Spring Festival: off Thu Feb 11 to Wed Feb 17; Sun Feb 7 and Sat Feb 20 are working days.
        // Published Tue 2021-02-09 (not counted): Wed 02-10 (1), [Feb 11–17 off], Thu 02-18 (2), Fri 02-19 (3),
        // Sat 02-20 adjusted (4), [Sun 21], Mon 02-22 (5).
        assertEnd("2021-02-09", "2021-02-22");
    }

    @Test
    void R5_windowStartingOnAFriday() {
        // Published Fri 2021-06-11 (not counted), before the Dragon Boat Festival, off Sat Jun 12 to Mon Jun 14:
        // Tue 06-15 (1), Wed 16 (2), Thu 17 (3), Fri 18 (4), [Sat 19, Sun 20], Mon 06-21 (5).
        assertEnd("2021-06-11", "2021-06-21");
        // An ordinary Friday, Fri 2021-06-04: Mon 06-07 (1) ... Fri 06-11 (5): the same weekday a week later.
        assertEnd("2021-06-04", "2021-06-11");
    }

    @Test
    void R5_windowEndingOnAndBesideAnAdjustedWorkingSaturday() {
        // 2021 Labour Day: Sun Apr 25 is a working day, off Sat May 1 to Wed May 5, Sat May 8 is a working day.
        // Published Wed 2021-04-28 (not counted): Thu 04-29 (1), Fri 04-30 (2), [May 1–5 off], Thu 05-06 (3),
        // Fri 05-07 (4), Sat 05-08 adjusted (5): the window ends on the working Saturday.
        assertEnd("2021-04-28", "2021-05-08");
        // Published Tue 2021-04-27: Wed 04-28 (1), Thu 29 (2), Fri 30 (3), Thu 05-06 (4), Fri 05-07 (5): it ends the
        // day before the working Saturday.
        assertEnd("2021-04-27", "2021-05-07");
        // Published on the adjusted working Sunday 2021-04-25 (not counted): Mon 26 (1) ... Fri 04-30 (5).
        assertEnd("2021-04-25", "2021-04-30");
    }

    @Test
    void R5_thePrefectureLayerOverridesTheNationalSchedule() {
        // Without a local layer: published Fri 2022-04-08 (not counted): Mon 04-11 (1) ... Fri 04-15 (5).
        assertEnd("2022-04-08", "2022-04-15");
        // Xishuangbanna 2022 泼水节: off Mon April 11 to Sun April 17; Sat April 9 and Sun April 10 are working days.
        for (String off : List.of("2022-04-11", "2022-04-12", "2022-04-13", "2022-04-14", "2022-04-15", "2022-04-16", "2022-04-17")) {
            localDays.set(off, true, "泼水节");
        }
        localDays.set("2022-04-09", false, "泼水节调休").set("2022-04-10", false, "泼水节调休");
        // Published Fri 04-08 (not counted): Sat 04-09 local working (1), Sun 04-10 local working (2),
        // [04-11..04-17 local days off], Mon 04-18 (3), Tue 04-19 (4), Wed 04-20 (5).
        assertEnd("2022-04-08", "2022-04-20");
        given().queryParam("start", "2022-04-08").get("/calendar/publicity-window").then()
                .body("localDays.size()", equalTo(9)).body("localDays[0].name", equalTo("泼水节调休"));
    }

    @Test
    void R5_publicationDayCountsOnlyWhenTheOfficeSaysSo() {
        // PUBLICATION_DAY_COUNTS: Fri 2021-06-04 (1), Mon 07 (2), Tue 08 (3), Wed 09 (4), Thu 06-10 (5): one
        // working day earlier than the Civil Code's 06-11.
        given().queryParam("start", "2021-06-04").queryParam("counting", "PUBLICATION_DAY_COUNTS")
                .get("/calendar/publicity-window").then().statusCode(200).body("end", equalTo("2021-06-10"));
        // Published on a day off (Sat 2021-06-05) it cannot count: Mon 07 (1) ... Fri 06-11 (5).
        given().queryParam("start", "2021-06-05").queryParam("counting", "PUBLICATION_DAY_COUNTS")
                .get("/calendar/publicity-window").then().statusCode(200).body("end", equalTo("2021-06-11"));
    }

    @Test
    void R5_aWindowShorterThanFiveWorkingDaysIsRefused() {
        given().queryParam("start", "2021-06-10").queryParam("workingDays", 4).get("/calendar/publicity-window")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://ruralfund.cn/problems/r5-window-too-short"));
        // 7 working days are allowed: published Thu 2021-06-03: Fri 04 (1), Mon 07..Fri 11 (2–6), [Jun 12–14 off], Tue 06-15 (7).
        given().queryParam("start", "2021-06-03").queryParam("workingDays", 7).get("/calendar/publicity-window")
                .then().statusCode(200).body("end", equalTo("2021-06-15"));
    }

    @Test
    void R5_aYearWithoutPublishedScheduleIsRefused() {
        // 2027's file is an empty placeholder: its days are unknown, not ordinary.
        refusedUnknown("2027-03-01");
        // A window of late 2026 reaching past December 24 needs the 2027 notice (元旦 may reach back into December):
        // published Sun 2026-12-20: Mon 21 (1), Tue 22 (2), Wed 23 (3), Thu 24 (4), Fri 12-25 unknown: refused.
        refusedUnknown("2026-12-20");
        // Years never shipped at all.
        refusedUnknown("2031-06-10");
        refusedUnknown("2019-06-10");
        // Early December 2026 is known: published Thu 2026-12-10: Fri 11 (1), Mon 14 .. Thu 17 (2–5).
        assertEnd("2026-12-10", "2026-12-17");
    }

    static void refusedUnknown(String start) {
        given().queryParam("start", start).get("/calendar/publicity-window")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://ruralfund.cn/problems/r5-calendar-unknown"));
    }

    @Test
    void onlyTheOfficeSetsLocalDays() {
        given().auth().oauth2(Tokens.of("FINANCE")).contentType(ContentType.JSON).body("{\"offDay\": true, \"name\": \"x\"}")
                .put("/calendar/local-days/2023-04-13").then().statusCode(403).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"offDay\": true, \"name\": \"x\"}")
                .put("/calendar/local-days/2023-04-13").then().statusCode(401);
        given().auth().oauth2(Tokens.of("COMMERCE_OFFICE")).contentType(ContentType.JSON).body("{\"name\": \"x\"}")
                .put("/calendar/local-days/2023-04-13").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.of("FINANCE")).delete("/calendar/local-days/2023-04-13").then().statusCode(403);
        List<Map<String, Object>> days = given().get("/calendar/local-days").then().extract().path("$");
        assertThat(days).extracting(d -> d.get("day")).doesNotContain("2023-04-13");
    }
}
