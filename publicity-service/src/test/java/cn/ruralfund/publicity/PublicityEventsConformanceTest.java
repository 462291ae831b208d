package cn.ruralfund.publicity;

import cn.ruralfund.platform.events.Topics;
import cn.ruralfund.platform.testing.CloudEventsConformanceTest;
import cn.ruralfund.publicity.service.PublicityCloser;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

import java.time.Duration;

import static cn.ruralfund.publicity.Fixtures.*;

/** Every event publicity-service published in this run (publicity-closed, publicity-closing-soon), read with the official CloudEvents SDK. */
@QuarkusTest
class PublicityEventsConformanceTest extends CloudEventsConformanceTest {

    @Inject
    PublicityCloser closer;

    @Override
    protected String topic() {
        return Topics.PUBLICITY;
    }

    @Override
    protected void publishSomething() {
        today("2021-12-01"); // Wed; window Thu 12-02 (1) .. Wed 12-08 (5)
        String warned = announced("一致性测试：临期预警");
        String objection = object(warned, address(), "一致性测试的异议内容").statusCode(201).extract().path("id");
        String closed = announced("一致性测试：公示期满");
        today("2021-12-08");
        closer.closeDue().await().atMost(Duration.ofSeconds(60)); // publicity-closing-soon of the first
        decide(warned, objection, "DISMISSED").statusCode(200);
        today("2021-12-09");
        close(closed).statusCode(200); // publicity-closed
        close(warned).statusCode(200);
    }
}
