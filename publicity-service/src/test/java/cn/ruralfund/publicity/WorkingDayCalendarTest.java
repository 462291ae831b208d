package cn.ruralfund.publicity;

import cn.ruralfund.platform.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class WorkingDayCalendarTest {

    static String windowEnd(String start) {
        return given().queryParam("start", start).get("/calendar/publicity-window")
                .then().statusCode(200).extract().path("end");
    }

    @Test
    void R5_fiveWorkingDaysOnAnOrdinaryWeekSkipTheWeekend() {
        assertEnd("2021-06-03", "2021-06-09"); // Thu, Fri, (weekend), Mon, Tue, Wed
    }

    @Test
    void R5_nationalHolidaysAreSkippedAndAdjustedWorkingDaysCount() {
        // 2021 National Day: off Oct 1–7; Saturday Oct 9 is a working day (调休).
        // Sep 30 (1), Oct 8 (2), Oct 9 Sat (3), Oct 11 (4), Oct 12 (5).
        assertEnd("2021-09-30", "2021-10-12");
    }

    @Test
    void R5_thePrefectureLayerOverridesTheNationalSchedule() {
        // Without a local layer, 2022-04-08 (Fri) + 5 working days ends on Thu 2022-04-14.
        assertEnd("2022-04-08", "2022-04-14");
        // Xishuangbanna 2022 泼水节: off April 11–17, working Saturday and Sunday April 9–10.
        String office = Tokens.of("COMMERCE_OFFICE");
        for (String off : new String[]{"2022-04-11", "2022-04-12", "2022-04-13", "2022-04-14", "2022-04-15", "2022-04-16", "2022-04-17"}) {
            given().auth().oauth2(office).contentType(ContentType.JSON).body("{\"offDay\": true, \"name\": \"泼水节\"}")
                    .put("/calendar/local-days/" + off).then().statusCode(200);
        }
        for (String work : new String[]{"2022-04-09", "2022-04-10"}) {
            given().auth().oauth2(office).contentType(ContentType.JSON).body("{\"offDay\": false, \"name\": \"泼水节调休\"}")
                    .put("/calendar/local-days/" + work).then().statusCode(200);
        }
        // Apr 8 (1), Sat 9 (2), Sun 10 (3), [11–17 off], Mon 18 (4), Tue 19 (5).
        assertEnd("2022-04-08", "2022-04-19");
    }

    @Test
    void R5_aWindowShorterThanFiveWorkingDaysIsRefused() {
        given().queryParam("start", "2021-06-10").queryParam("workingDays", 4).get("/calendar/publicity-window")
                .then().statusCode(400).contentType("application/problem+json");
        given().queryParam("start", "2031-06-10").get("/calendar/publicity-window")
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
    }

    static void assertEnd(String start, String end) {
        org.assertj.core.api.Assertions.assertThat(windowEnd(start)).isEqualTo(end);
    }
}
