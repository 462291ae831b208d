package cn.ruralfund.project;

import cn.ruralfund.platform.testing.PlatformConformanceTest;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ProjectConformanceTest extends PlatformConformanceTest {
}
