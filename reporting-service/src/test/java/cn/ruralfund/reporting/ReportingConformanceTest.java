package cn.ruralfund.reporting;

import cn.ruralfund.platform.testing.PlatformConformanceTest;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ReportingConformanceTest extends PlatformConformanceTest {
}
