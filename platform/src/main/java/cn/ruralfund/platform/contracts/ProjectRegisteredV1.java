package cn.ruralfund.platform.contracts;

import cn.ruralfund.platform.events.EventType;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A demonstration project (示范项目) was registered under a direction of a program, with its undertaking
 * enterprise (承办企业), its budget and the enterprise's dedicated fund account (专用资金账户, F5).
 * Published by project-service; subject = projectId. budget-service answers with
 * {@link BudgetCommittedV1} or {@link BudgetRefusedV1}. Schema: {@code events/project.project-registered.v1.schema.json}.
 *
 * @param task                     the task of the plan the project carries out, e.g. 冷链仓储 (cold-chain storage)
 * @param buildFirstSubsidiseAfter 先建后补 (R20): no pre-disbursement; paid only after acceptance
 * @param budget                   the subsidy budget asked for, in yuan, exact to the fen
 * @param expenseLines             optional investment budget lines; a line in a prohibited category (R1) refuses the budget
 */
public record ProjectRegisteredV1(
        UUID projectId,
        UUID programId,
        UUID directionId,
        String projectName,
        String task,
        boolean buildFirstSubsidiseAfter,
        String enterpriseCreditCode,
        String enterpriseName,
        BigDecimal budget,
        DedicatedAccount dedicatedAccount,
        List<ExpenseLine> expenseLines,
        OffsetDateTime registeredAt) {

    public static final EventType<ProjectRegisteredV1> TYPE =
            new EventType<>("project", "project-registered", 1, ProjectRegisteredV1.class);

    /** 专用资金账户: where the subsidy is paid. */
    public record DedicatedAccount(String bankName, String accountName, String accountNumber) {
    }

    /** @param category a budget-service expense category code, e.g. COLD_CHAIN_FACILITY; see GET /expense-categories */
    public record ExpenseLine(String category, String description, BigDecimal amount) {
    }
}
