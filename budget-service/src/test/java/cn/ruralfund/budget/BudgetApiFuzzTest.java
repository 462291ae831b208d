package cn.ruralfund.budget;

import cn.ruralfund.platform.testing.ApiFuzzTest;
import io.quarkus.test.junit.QuarkusTest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/** budget-service's write API under generated bad input and concurrent duplicate creates: never a 5xx. */
@QuarkusTest
class BudgetApiFuzzTest extends ApiFuzzTest {

    @Override
    protected String database() {
        return "budget";
    }

    @Override
    protected List<String[]> creates() {
        try {
            String program = Files.readString(Path.of("../seed/jinghong-2020/program.json"))
                    .replace("2020年景洪市电子商务进农村综合示范项目奖励资金", "fuzz " + UUID.randomUUID());
            String code = "FZ" + Long.toString(System.nanoTime() % 100_000_000L);
            String project = Fixtures.registered(Fixtures.program(), "100000.00");
            return List.of(
                    new String[]{"POST", "/programs", program},
                    new String[]{"POST", "/expense-categories", "{\"code\":\"" + code + "\",\"name\":\"电商培训 " + code + "\"}"},
                    new String[]{"POST", "/projects/" + project + "/disbursements", "{\"kind\":\"PRE_DISBURSEMENT\",\"amount\":10000.00,\"purpose\":\"按进度拨付\"}"});
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
