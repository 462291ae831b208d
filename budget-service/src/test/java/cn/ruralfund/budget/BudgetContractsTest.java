package cn.ruralfund.budget;

import cn.ruralfund.platform.contracts.AcceptanceConcludedV1;
import cn.ruralfund.platform.contracts.AuditCompletedV1;
import cn.ruralfund.platform.contracts.EnterpriseDisqualifiedV2;
import cn.ruralfund.platform.contracts.ProgressReportedV1;
import cn.ruralfund.platform.contracts.ProjectRegisteredV1;
import cn.ruralfund.platform.contracts.PublicityClosedV1;
import cn.ruralfund.platform.contracts.ViolationConfirmedV1;
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

/** Every event type budget-service consumes fails closed when a required field is missing. */
@QuarkusTest
class BudgetContractsTest extends ContractsFailClosedTest {

    @Override
    protected Map<EventType<?>, Object> consumedExamples() {
        UUID project = UUID.randomUUID();
        String code = Fixtures.creditCode();
        Map<EventType<?>, Object> examples = new HashMap<>();
        examples.put(ProjectRegisteredV1.TYPE, Fixtures.project(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "1000.00", false, code));
        examples.put(ProgressReportedV1.TYPE, new ProgressReportedV1(project, UUID.randomUUID(), code, LocalDate.now(), new BigDecimal("20.00"), "月报"));
        examples.put(EnterpriseDisqualifiedV2.TYPE, new EnterpriseDisqualifiedV2(code, "某公司", UUID.randomUUID(), "R12", "逾期未整改", List.of(project),
                OffsetDateTime.now()));
        examples.put(ViolationConfirmedV1.TYPE, new ViolationConfirmedV1(UUID.randomUUID(), project, code, "DUPLICATE_CLAIM", "R15",
                new BigDecimal("10.00"), "重复申报", OffsetDateTime.now()));
        examples.put(AcceptanceConcludedV1.TYPE, new AcceptanceConcludedV1(project, "PASS", null, null, OffsetDateTime.now()));
        examples.put(AuditCompletedV1.TYPE, new AuditCompletedV1(project, "某事务所", "RPT-1", new BigDecimal("900.00"), OffsetDateTime.now()));
        examples.put(PublicityClosedV1.TYPE, new PublicityClosedV1(UUID.randomUUID(), "ACCEPTANCE", project, LocalDate.now().minusDays(8),
                LocalDate.now(), false, OffsetDateTime.now()));
        return examples;
    }

    @Override
    protected String service() {
        return "budget-service";
    }

    @Override
    protected String database() {
        return "budget";
    }
}
