package cn.ruralfund.acceptance;

import cn.ruralfund.platform.contracts.EnterpriseDisqualifiedV1;
import cn.ruralfund.platform.contracts.ProgramCreatedV1;
import cn.ruralfund.platform.contracts.ProgramRulesSetV1;
import cn.ruralfund.platform.contracts.ProjectRegisteredV1;
import cn.ruralfund.platform.contracts.PublicityClosedV1;
import cn.ruralfund.platform.events.EventType;
import cn.ruralfund.platform.testing.ContractsFailClosedTest;
import io.quarkus.test.junit.QuarkusTest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Every event type acceptance-service consumes fails closed when a required field is missing: dead-lettered, nothing applied. */
@QuarkusTest
class AcceptanceContractsTest extends ContractsFailClosedTest {

    @Override
    protected Map<EventType<?>, Object> consumedExamples() {
        UUID program = UUID.randomUUID();
        UUID project = UUID.randomUUID();
        String code = Fixtures.creditCode();
        Map<EventType<?>, Object> examples = new HashMap<>();
        examples.put(ProgramCreatedV1.TYPE, new ProgramCreatedV1(program, "景洪市", 2020, "program " + program, new BigDecimal("5000000.00"),
                YearMonth.of(2020, 12), YearMonth.of(2022, 12), List.of(), List.of()));
        examples.put(ProgramRulesSetV1.TYPE, new ProgramRulesSetV1(program, 50, 5, 3));
        examples.put(ProjectRegisteredV1.TYPE, new ProjectRegisteredV1(project, program, UUID.randomUUID(), "农产品上行冷链仓储", "冷链仓储", false,
                code, "景洪某电子商务有限公司", new BigDecimal("800000.00"),
                new ProjectRegisteredV1.DedicatedAccount("中国农业银行景洪市支行", "专户", "24170101040001234"), List.of(), OffsetDateTime.now()));
        examples.put(EnterpriseDisqualifiedV1.TYPE, new EnterpriseDisqualifiedV1(code, "景洪某电子商务有限公司", "R11", "挪用", List.of(project),
                OffsetDateTime.now()));
        examples.put(PublicityClosedV1.TYPE, new PublicityClosedV1(UUID.randomUUID(), "ACCEPTANCE", project, LocalDate.now().minusDays(8),
                LocalDate.now(), false, OffsetDateTime.now()));
        return examples;
    }

    @Override
    protected String service() {
        return "acceptance-service";
    }

    @Override
    protected String database() {
        return "acceptance";
    }
}
