package cn.ruralfund.publicity;

import cn.ruralfund.platform.contracts.AcceptanceConcludedV1;
import cn.ruralfund.platform.contracts.ApplicationSubmittedV1;
import cn.ruralfund.platform.contracts.ReviewRecordedV1;
import cn.ruralfund.platform.contracts.BudgetCommittedV1;
import cn.ruralfund.platform.contracts.DisbursementPaidV1;
import cn.ruralfund.platform.contracts.EnterpriseDisqualifiedV2;
import cn.ruralfund.platform.contracts.ProgramRulesSetV1;
import cn.ruralfund.platform.contracts.ProjectRegisteredV1;
import cn.ruralfund.platform.contracts.RectificationIssuedV1;
import cn.ruralfund.platform.contracts.TenderAwardedV1;
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

/** Every event type publicity-service consumes fails closed when a required field is missing. */
@QuarkusTest
class PublicityContractsTest extends ContractsFailClosedTest {

    @Override
    protected Map<EventType<?>, Object> consumedExamples() {
        UUID program = UUID.randomUUID();
        UUID project = UUID.randomUUID();
        String code = "91532801MA6K7XYN17";
        Map<EventType<?>, Object> examples = new HashMap<>();
        examples.put(ProgramRulesSetV1.TYPE, new ProgramRulesSetV1(program, 50, 5, 3));
        examples.put(ProjectRegisteredV1.TYPE, new ProjectRegisteredV1(project, program, UUID.randomUUID(), "契约测试项目", "农产品上行", false,
                code, "契约测试有限公司", new BigDecimal("1000.00"),
                new ProjectRegisteredV1.DedicatedAccount("中国农业银行景洪支行", "契约测试有限公司", "6228480123456789012"), List.of(),
                OffsetDateTime.now()));
        examples.put(TenderAwardedV1.TYPE, NoticeTest.tender(program, "1000.00"));
        examples.put(EnterpriseDisqualifiedV2.TYPE, new EnterpriseDisqualifiedV2(code, "契约测试有限公司", program, "R12", "逾期未整改",
                List.of(project), OffsetDateTime.now()));
        examples.put(ViolationConfirmedV1.TYPE, new ViolationConfirmedV1(UUID.randomUUID(), project, code, "DUPLICATE_CLAIM", "R15",
                new BigDecimal("10.00"), "重复申报", OffsetDateTime.now()));
        examples.put(RectificationIssuedV1.TYPE, new RectificationIssuedV1(UUID.randomUUID(), project, code, "契约测试有限公司",
                "DATA_REPORTING", "R16", "未按时报送", LocalDate.now().plusDays(30), OffsetDateTime.now()));
        examples.put(BudgetCommittedV1.TYPE, new BudgetCommittedV1(project, program, UUID.randomUUID(), code, new BigDecimal("1000.00"),
                new BigDecimal("1000.00"), 1, "立项"));
        examples.put(DisbursementPaidV1.TYPE, new DisbursementPaidV1(UUID.randomUUID(), project, program, UUID.randomUUID(), code,
                "PRE_DISBURSEMENT", new BigDecimal("500.00"), LocalDate.now(), "PZ-1", "银行", "6228480123456789012", new BigDecimal("500.00")));
        examples.put(ApplicationSubmittedV1.TYPE, new ApplicationSubmittedV1(UUID.randomUUID(), project, code, 1, 3, 5, OffsetDateTime.now()));
        examples.put(ReviewRecordedV1.TYPE, new ReviewRecordedV1(UUID.randomUUID(), project, "INITIAL", "COMPLETE", 1, OffsetDateTime.now()));
        examples.put(AcceptanceConcludedV1.TYPE, new AcceptanceConcludedV1(project, AcceptanceConcludedV1.PASS, null, "验收合格",
                OffsetDateTime.now()));
        return examples;
    }

    @Override
    protected String service() {
        return "publicity-service";
    }

    @Override
    protected String database() {
        return "publicity";
    }
}
