package cn.ruralfund.reporting;

import cn.ruralfund.platform.testing.ApiFuzzTest;
import io.quarkus.test.junit.QuarkusTest;

import java.util.List;

/** reporting-service's write API under generated bad input: never a 5xx, and a refused request stores nothing. */
@QuarkusTest
class ReportingApiFuzzTest extends ApiFuzzTest {

    @Override
    protected String database() {
        return "reporting";
    }

    @Override
    protected List<String[]> creates() {
        return List.of();
    }
}
