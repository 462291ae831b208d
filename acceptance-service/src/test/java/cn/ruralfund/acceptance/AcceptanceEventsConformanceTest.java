package cn.ruralfund.acceptance;

import cn.ruralfund.platform.events.Topics;
import cn.ruralfund.platform.testing.CloudEventsConformanceTest;
import io.quarkus.test.junit.QuarkusTest;

import java.time.YearMonth;
import java.util.UUID;

/** Every event acceptance-service published in this run, read with the official CloudEvents SDK. */
@QuarkusTest
class AcceptanceEventsConformanceTest extends CloudEventsConformanceTest {

    @Override
    protected String topic() {
        return Topics.ACCEPTANCE;
    }

    @Override
    protected void publishSomething() {
        String enterprise = Fixtures.creditCode();
        UUID project = Fixtures.project(Fixtures.program(YearMonth.of(2099, 12)) /* deadline after today */, enterprise);
        Fixtures.completeApplication(enterprise, project); // application submitted, initial review recorded
    }
}
