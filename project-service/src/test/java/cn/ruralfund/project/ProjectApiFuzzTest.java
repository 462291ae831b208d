package cn.ruralfund.project;

import cn.ruralfund.platform.testing.ApiFuzzTest;
import io.quarkus.test.junit.QuarkusTest;

import java.util.List;
import java.util.UUID;

/** project-service's write API under generated bad input and concurrent duplicate creates: never a 5xx. */
@QuarkusTest
class ProjectApiFuzzTest extends ApiFuzzTest {

    @Override
    protected String database() {
        return "project";
    }

    @Override
    protected List<String[]> creates() {
        Fixtures.Program program = Fixtures.program();
        UUID task = Fixtures.task(program, false);
        String code = Fixtures.creditCode();
        return List.of(
                new String[]{"POST", "/enterprises", Fixtures.MAPPER.valueToTree(Fixtures.enterpriseBody(code)).toString()},
                new String[]{"POST", "/tenders", "{\"taskId\":\"" + task + "\",\"title\":\"冷链仓储建设招标\",\"reference\":\"JHZB-" + UUID.randomUUID() + "\"}"});
    }
}
