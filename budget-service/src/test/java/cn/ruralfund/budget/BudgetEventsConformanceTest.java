package cn.ruralfund.budget;

import cn.ruralfund.platform.events.Topics;
import cn.ruralfund.platform.testing.CloudEventsConformanceTest;
import io.quarkus.test.junit.QuarkusTest;

/** Every event budget-service published in this run, read with the official CloudEvents SDK. */
@QuarkusTest
class BudgetEventsConformanceTest extends CloudEventsConformanceTest {

    @Override
    protected String topic() {
        return Topics.BUDGET;
    }

    @Override
    protected void publishSomething() {
        String project = Fixtures.registered(Fixtures.program(), "100000.00"); // program created, budget committed
        Fixtures.paid(project, "PRE_DISBURSEMENT", "10000.00"); // requested, approved, paid
    }
}
