package cn.ruralfund.budget;

import cn.ruralfund.platform.testing.PlatformConformanceTest;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class BudgetConformanceTest extends PlatformConformanceTest {
}
