package cn.ruralfund.publicity;

import cn.ruralfund.platform.testing.ApiFuzzTest;
import io.quarkus.test.junit.QuarkusTest;

import java.util.List;

/** publicity-service's write API under generated bad input: never a 5xx, and a refused request stores nothing. */
@QuarkusTest
class PublicityApiFuzzTest extends ApiFuzzTest {

    @Override
    protected String database() {
        return "publicity";
    }

    @Override
    protected List<String[]> creates() {
        return List.of();
    }
}
