package cn.ruralfund.reporting;

import cn.ruralfund.platform.contracts.AcceptanceConcludedV1;
import cn.ruralfund.platform.contracts.AllocationSetV1;
import cn.ruralfund.platform.contracts.BudgetCommittedV1;
import cn.ruralfund.platform.contracts.DisbursementPaidV1;
import cn.ruralfund.platform.contracts.EnterpriseDisqualifiedV2;
import cn.ruralfund.platform.contracts.ProgramCreatedV1;
import cn.ruralfund.platform.contracts.ProjectRegisteredV1;
import cn.ruralfund.platform.contracts.PublicityClosedV1;
import cn.ruralfund.platform.contracts.RecoveryCompletedV1;
import cn.ruralfund.platform.contracts.RectificationClosedV1;
import cn.ruralfund.platform.contracts.RectificationIssuedV1;
import cn.ruralfund.platform.contracts.SalesRecordedV1;
import cn.ruralfund.platform.events.EventType;
import cn.ruralfund.platform.testing.ContractsFailClosedTest;
import io.quarkus.test.junit.QuarkusTest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Every event type reporting-service consumes fails closed when a required field is missing (the sales feed's batches too). */
@QuarkusTest
class ReportingContractsTest extends ContractsFailClosedTest {

    @Override
    protected Map<EventType<?>, Object> consumedExamples() {
        UUID program = UUID.randomUUID();
        UUID direction = UUID.randomUUID();
        UUID project = UUID.randomUUID();
        String code = Fixtures.creditCode();
        Map<EventType<?>, Object> examples = new HashMap<>();
        examples.put(ProgramCreatedV1.TYPE, Fixtures.programEvent(program, "测试县", 2021));
        examples.put(AllocationSetV1.TYPE, new AllocationSetV1(program, direction, "农产品上行体系建设", new BigDecimal("5000000.00"),
                new BigDecimal("4000000.00"), "调整"));
        examples.put(BudgetCommittedV1.TYPE, new BudgetCommittedV1(project, program, direction, code, new BigDecimal("600000.00"),
                new BigDecimal("600000.00"), 1, "committed"));
        examples.put(DisbursementPaidV1.TYPE, new DisbursementPaidV1(UUID.randomUUID(), project, program, direction, code, "PRE_DISBURSEMENT",
                new BigDecimal("1000.00"), LocalDate.of(2021, 3, 1), "V1", "bank", "acct", new BigDecimal("1000.00")));
        examples.put(RecoveryCompletedV1.TYPE, new RecoveryCompletedV1(UUID.randomUUID(), project, code, "R8", new BigDecimal("10.00")));
        examples.put(AcceptanceConcludedV1.TYPE, new AcceptanceConcludedV1(project, "PASS", null, null, OffsetDateTime.now()));
        examples.put(SalesRecordedV1.TYPE, new SalesRecordedV1(code, "2021-03", "品牌", "P1", "JD", "勐龙镇", new BigDecimal("5.00"), 1, 1, false));
        examples.put(ProjectRegisteredV1.TYPE, ProjectEvents.project(program, "冷链", "冷链仓储", code, "COLD_CHAIN_FACILITY"));
        examples.put(EnterpriseDisqualifiedV2.TYPE, new EnterpriseDisqualifiedV2(code, "某公司", program, "R12", "逾期未整改", List.of(project),
                OffsetDateTime.now()));
        examples.put(RectificationIssuedV1.TYPE, new RectificationIssuedV1(UUID.randomUUID(), project, code, "某公司", "PROGRESS_DELAY", "R12",
                "进度滞后", LocalDate.of(2021, 8, 31), OffsetDateTime.now()));
        examples.put(RectificationClosedV1.TYPE, new RectificationClosedV1(UUID.randomUUID(), project, code, "PROGRESS_DELAY", "R12", "RECTIFIED",
                "已整改", OffsetDateTime.now()));
        examples.put(PublicityClosedV1.TYPE, new PublicityClosedV1(UUID.randomUUID(), "ACCEPTANCE", project, LocalDate.of(2021, 6, 1),
                LocalDate.of(2021, 6, 8), false, OffsetDateTime.now()));
        return examples;
    }

    @Override
    protected String service() {
        return "reporting-service";
    }

    @Override
    protected String database() {
        return "reporting";
    }
}
