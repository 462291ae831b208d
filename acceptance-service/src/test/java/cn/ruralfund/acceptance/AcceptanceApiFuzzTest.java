package cn.ruralfund.acceptance;

import cn.ruralfund.platform.testing.ApiFuzzTest;
import io.quarkus.test.junit.QuarkusTest;

import java.util.List;

/** acceptance-service's write API under generated bad input: never a 5xx, and a refused request stores nothing. */
@QuarkusTest
class AcceptanceApiFuzzTest extends ApiFuzzTest {

    @Override
    protected String database() {
        return "acceptance";
    }

    @Override
    protected List<String[]> creates() {
        return List.of();
    }
}
