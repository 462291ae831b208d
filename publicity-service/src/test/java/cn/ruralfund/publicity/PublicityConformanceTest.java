package cn.ruralfund.publicity;

import cn.ruralfund.platform.testing.PlatformConformanceTest;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PublicityConformanceTest extends PlatformConformanceTest {
}
