package cn.ruralfund.project;

import cn.ruralfund.platform.contracts.AcceptanceConcludedV1;
import cn.ruralfund.platform.contracts.AllocationSetV1;
import cn.ruralfund.platform.contracts.BudgetCommittedV1;
import cn.ruralfund.platform.contracts.BudgetRefusedV1;
import cn.ruralfund.platform.contracts.DuplicateClaimConfirmedV1;
import cn.ruralfund.platform.contracts.ProgramCreatedV1;
import cn.ruralfund.platform.contracts.PublicityClosedV1;
import cn.ruralfund.platform.contracts.ReportOverdueV1;
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

/** Every event type project-service consumes fails closed when a required field is missing. */
@QuarkusTest
class ProjectContractsTest extends ContractsFailClosedTest {

    @Override
    protected Map<EventType<?>, Object> consumedExamples() {
        UUID program = UUID.randomUUID();
        UUID direction = UUID.randomUUID();
        UUID project = UUID.randomUUID();
        String code = Fixtures.creditCode();
        Map<EventType<?>, Object> examples = new HashMap<>();
        examples.put(ProgramCreatedV1.TYPE, new ProgramCreatedV1(program, "景洪市", 2020, "program " + program, new BigDecimal("5000000.00"),
                YearMonth.of(2020, 12), YearMonth.of(2022, 12), List.of(new ProgramCreatedV1.Direction(direction, "农产品上行体系建设",
                new BigDecimal("5000000.00"))), List.of(new ProgramCreatedV1.Phase("LAUNCH", "启动阶段", YearMonth.of(2020, 12), YearMonth.of(2020, 12)))));
        examples.put(AllocationSetV1.TYPE, new AllocationSetV1(program, direction, "农产品上行体系建设", new BigDecimal("5000000.00"),
                new BigDecimal("4000000.00"), "调整"));
        examples.put(BudgetCommittedV1.TYPE, new BudgetCommittedV1(project, program, direction, code, new BigDecimal("600000.00"),
                new BigDecimal("600000.00"), 1, "committed"));
        examples.put(BudgetRefusedV1.TYPE, new BudgetRefusedV1(project, program, direction, new BigDecimal("600000.00"), new BigDecimal("0.00"),
                "https://ruralfund.cn/problems/direction-allocation-exceeded", "超出"));
        examples.put(AcceptanceConcludedV1.TYPE, new AcceptanceConcludedV1(project, "PASS", null, null, OffsetDateTime.now()));
        examples.put(PublicityClosedV1.TYPE, new PublicityClosedV1(UUID.randomUUID(), "ACCEPTANCE", project, LocalDate.now().minusDays(8),
                LocalDate.now(), false, OffsetDateTime.now()));
        examples.put(ReportOverdueV1.TYPE, new ReportOverdueV1(code, "2021-06", LocalDate.of(2021, 7, 10), project));
        examples.put(DuplicateClaimConfirmedV1.TYPE, new DuplicateClaimConfirmedV1(UUID.randomUUID(), "景商务〔2022〕15号", "INVOICE",
                "530012345678-12345678", new BigDecimal("356000.00"), new DuplicateClaimConfirmedV1.Claim(UUID.randomUUID(), project, program, code,
                UUID.randomUUID()), new DuplicateClaimConfirmedV1.Claim(UUID.randomUUID(), UUID.randomUUID(), program, code, UUID.randomUUID()),
                "重复申报", OffsetDateTime.now()));
        return examples;
    }

    @Override
    protected String service() {
        return "project-service";
    }

    @Override
    protected String database() {
        return "project";
    }
}
