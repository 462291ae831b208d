package cn.ruralfund.publicity;

import cn.ruralfund.platform.testing.Tokens;
import io.restassured.http.ContentType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * Sets local calendar days for a test and puts back exactly what was there before ({@link #restore()}), so that a
 * kept database is left as the test found it.
 */
final class LocalDays {

    static final String OFFICE = Tokens.of("COMMERCE_OFFICE");

    private final Map<String, Map<String, Object>> before = new HashMap<>();
    private final List<String> touched = new ArrayList<>();

    LocalDays() {
        List<Map<String, Object>> days = given().get("/calendar/local-days").then().statusCode(200).extract().path("$");
        for (Map<String, Object> d : days) {
            before.put((String) d.get("day"), d);
        }
    }

    LocalDays set(String day, boolean offDay, String name) {
        touched.add(day);
        put(day, offDay, name);
        return this;
    }

    void restore() {
        for (String day : touched) {
            Map<String, Object> old = before.get(day);
            if (old == null) {
                given().auth().oauth2(OFFICE).delete("/calendar/local-days/" + day).then().statusCode(204);
            } else {
                put(day, (Boolean) old.get("offDay"), (String) old.get("name"));
            }
        }
        touched.clear();
    }

    private static void put(String day, boolean offDay, String name) {
        given().auth().oauth2(OFFICE).contentType(ContentType.JSON).body(Map.of("offDay", offDay, "name", name))
                .put("/calendar/local-days/" + day).then().statusCode(200);
    }
}
