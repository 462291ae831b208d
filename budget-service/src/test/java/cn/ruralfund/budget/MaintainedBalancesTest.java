package cn.ruralfund.budget;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static cn.ruralfund.budget.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Balances are read from maintained figures (ledger_balance, kept by a trigger on every ledger entry), not summed per
 * request. The ledger stays the source: after many concurrent payments and amendments on projects of two directions
 * and two enterprises, every balance the API reads equals the sum of the program's ledger entries, exactly.
 */
@QuarkusTest
class MaintainedBalancesTest {

    private static final ObjectMapper EXACT = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @Test
    void Ledger_maintainedFiguresReconcileWithTheEntriesAfterConcurrentChanges() throws Exception {
        Program program = program();
        String[] codes = {creditCode(), creditCode()};
        List<String> projects = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String direction = i % 2 == 0 ? program.upwardDirection() : program.povertyDirection();
            projects.add(registered(project(program.id(), direction, "60000.00", false, codes[i % 2])));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Object>> calls = new ArrayList<>();
            for (String p : projects) {
                for (int k = 0; k < 3; k++) {
                    calls.add(() -> paid(p, "PRE_DISBURSEMENT", "1000.00"));
                }
                // amendments down and up: RELEASE and COMMIT entries, concurrently with the payments of the same project
                calls.add(() -> BudgetCommitmentTest.amend(p, "50000.00", "核减").statusCode(200));
                calls.add(() -> BudgetCommitmentTest.amend(p, "55000.00", "核增").statusCode(200));
            }
            for (Future<Object> f : pool.invokeAll(calls)) {
                f.get(); // a failed call fails the test
            }
        } finally {
            pool.shutdown();
        }

        JsonNode entries = read("/programs/" + program.id() + "/ledger");
        Map<String, Map<String, BigDecimal>> sums = new HashMap<>(); // scope key -> kind -> sum
        for (JsonNode e : entries) {
            String kind = e.get("kind").asText();
            BigDecimal amount = e.get("amount").decimalValue();
            add(sums, "program", kind, amount);
            add(sums, text(e, "directionId"), kind, amount);
            add(sums, text(e, "projectId"), kind, amount);
            add(sums, text(e, "enterpriseCode"), kind, amount);
        }
        assertThat(sums.get("program").get("PRE_DISBURSE")).isEqualByComparingTo("18000.00"); // 6 projects × 3 × ¥1,000
        assertThat(sums.get("program").get("RELEASE")).isNotNull();

        JsonNode program_ = read("/programs/" + program.id() + "/balances");
        assertMatches(program_.get("balances"), sums.get("program"), "program");
        for (JsonNode d : program_.get("directions")) {
            assertMatches(d.get("balances"), sums.get(d.get("directionId").asText()), "direction " + d.get("name").asText());
        }
        for (String p : projects) {
            assertMatches(read("/projects/" + p + "/balances"), sums.get(p), "project " + p);
        }
        for (String code : codes) { // each enterprise has projects in this program only
            assertMatches(read("/enterprises/" + code + "/balances"), sums.get(code), "enterprise " + code);
        }
    }

    private static void add(Map<String, Map<String, BigDecimal>> sums, String key, String kind, BigDecimal amount) {
        if (key != null) {
            sums.computeIfAbsent(key, k -> new HashMap<>()).merge(kind, amount, BigDecimal::add);
        }
    }

    private static String text(JsonNode e, String field) {
        return e.hasNonNull(field) ? e.get(field).asText() : null;
    }

    private static BigDecimal sum(Map<String, BigDecimal> byKind, String kind) {
        return byKind == null ? BigDecimal.ZERO : byKind.getOrDefault(kind, BigDecimal.ZERO);
    }

    private static void assertMatches(JsonNode balances, Map<String, BigDecimal> byKind, String what) {
        assertThat(balances.get("allotted").decimalValue()).as(what + " allotted").isEqualByComparingTo(sum(byKind, "ALLOT"));
        assertThat(balances.get("committed").decimalValue()).as(what + " committed")
                .isEqualByComparingTo(sum(byKind, "COMMIT").subtract(sum(byKind, "RELEASE")));
        assertThat(balances.get("paid").decimalValue()).as(what + " paid")
                .isEqualByComparingTo(sum(byKind, "PRE_DISBURSE").add(sum(byKind, "PAY")));
        assertThat(balances.get("recovered").decimalValue()).as(what + " recovered").isEqualByComparingTo(sum(byKind, "RECOVER"));
    }

    private static JsonNode read(String path) throws Exception {
        String body = given().auth().oauth2(FINANCE).get(path).then().statusCode(200).extract().asString();
        return EXACT.readTree(body);
    }
}
