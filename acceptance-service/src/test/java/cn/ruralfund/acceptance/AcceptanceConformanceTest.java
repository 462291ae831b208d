package cn.ruralfund.acceptance;

import cn.ruralfund.platform.testing.PlatformConformanceTest;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AcceptanceConformanceTest extends PlatformConformanceTest {
}
