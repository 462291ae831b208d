package cn.ruralfund.platform.testing;

import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.config.JsonPathConfig;
import org.hamcrest.Matcher;
import org.hamcrest.Matchers;

import java.math.BigDecimal;

/**
 * Money in tests is compared exactly: JSON numbers are read as BigDecimal (never float, whose steps are 0.5 yuan
 * above ¥8,388,608) and must equal the expected amount with its two decimals.
 */
public final class Money {

    static {
        RestAssured.config = RestAssured.config().jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    private Money() {
    }

    /** Reads JSON numbers of every later response as BigDecimal. Call it from a test class's static initialiser. */
    public static void exact() {
        // the static initialiser did it
    }

    /** An amount in yuan, exact to the fen and written with its two decimals: {@code yuan("4200000.00")}. */
    public static Matcher<Object> yuan(String amount) {
        return Matchers.equalTo(new BigDecimal(amount));
    }

    /** A ratio or percentage, compared by value whatever its scale. */
    public static Matcher<Object> number(String value) {
        BigDecimal expected = new BigDecimal(value);
        return new org.hamcrest.BaseMatcher<>() {
            @Override
            public boolean matches(Object actual) {
                // a whole number comes back as Integer or Long ("16"), a fraction as BigDecimal
                return actual instanceof Number n && new BigDecimal(n.toString()).compareTo(expected) == 0;
            }

            @Override
            public void describeTo(org.hamcrest.Description description) {
                description.appendText("a number equal to ").appendValue(expected);
            }
        };
    }
}
