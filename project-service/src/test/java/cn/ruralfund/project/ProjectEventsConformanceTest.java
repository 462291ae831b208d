package cn.ruralfund.project;

import cn.ruralfund.platform.events.Topics;
import cn.ruralfund.platform.testing.CloudEventsConformanceTest;
import io.quarkus.test.junit.QuarkusTest;

/** Every event project-service published in this run, read with the official CloudEvents SDK. */
@QuarkusTest
class ProjectEventsConformanceTest extends CloudEventsConformanceTest {

    @Override
    protected String topic() {
        return Topics.PROJECT;
    }

    @Override
    protected void publishSomething() {
        Fixtures.project(Fixtures.awardedTender(Fixtures.program(), Fixtures.enterprise(Fixtures.creditCode()))); // tender awarded, project registered
    }
}
