package cn.ruralfund.reporting;

import cn.ruralfund.platform.contracts.AcceptanceConcludedV1;
import cn.ruralfund.platform.contracts.EnterpriseDisqualifiedV2;
import cn.ruralfund.platform.contracts.ProjectRegisteredV1;
import cn.ruralfund.platform.contracts.PublicityClosedV1;
import cn.ruralfund.platform.contracts.RectificationClosedV1;
import cn.ruralfund.platform.contracts.RectificationIssuedV1;
import cn.ruralfund.platform.testing.Events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The other services' project events, as they publish them, with fresh ids. */
final class ProjectEvents {

    private ProjectEvents() {
    }

    static ProjectRegisteredV1 project(UUID program, String name, String task, String enterprise, String category) {
        return new ProjectRegisteredV1(UUID.randomUUID(), program, UUID.randomUUID(), name, task, task.contains("冷链"), enterprise,
                "企业-" + enterprise, new BigDecimal("600000.00"),
                new ProjectRegisteredV1.DedicatedAccount("农村信用社", "企业-" + enterprise, "6222000011112222"),
                List.of(new ProjectRegisteredV1.ExpenseLine(category, task, new BigDecimal("600000.00"))), OffsetDateTime.now());
    }

    static ProjectRegisteredV1 register(UUID program, String name, String task, String enterprise, String category) {
        ProjectRegisteredV1 p = project(program, name, task, enterprise, category);
        Events.send(ProjectRegisteredV1.TYPE, p.projectId().toString(), p);
        return p;
    }

    static void concluded(UUID project, String conclusion) {
        Events.send(AcceptanceConcludedV1.TYPE, project.toString(), new AcceptanceConcludedV1(project, conclusion,
                AcceptanceConcludedV1.FAIL.equals(conclusion) ? "REVIEW_FAILED" : null, null, OffsetDateTime.now()));
    }

    static void disqualified(String enterprise, UUID program) {
        Events.send(EnterpriseDisqualifiedV2.TYPE, enterprise, new EnterpriseDisqualifiedV2(enterprise, "企业-" + enterprise, program, "R12",
                "逾期未整改", List.of(), OffsetDateTime.now()));
    }

    static PublicityClosedV1 publicity(UUID project, boolean objectionUpheld) {
        PublicityClosedV1 c = new PublicityClosedV1(UUID.randomUUID(), "ACCEPTANCE", project, LocalDate.of(2021, 6, 1), LocalDate.of(2021, 6, 8),
                objectionUpheld, OffsetDateTime.now());
        Events.send(PublicityClosedV1.TYPE, c.announcementId().toString(), c);
        return c;
    }

    static RectificationIssuedV1 notice(UUID project, String enterprise) {
        RectificationIssuedV1 n = new RectificationIssuedV1(UUID.randomUUID(), project, enterprise, "企业-" + enterprise, "PROGRESS_DELAY",
                "R12", "进度滞后", LocalDate.of(2021, 8, 31), OffsetDateTime.now());
        Events.send(RectificationIssuedV1.TYPE, project.toString(), n);
        return n;
    }

    static RectificationClosedV1 closed(RectificationIssuedV1 n, String outcome) {
        RectificationClosedV1 c = new RectificationClosedV1(n.noticeId(), n.projectId(), n.enterpriseCreditCode(), n.kind(), n.rule(), outcome,
                "已整改", OffsetDateTime.now());
        Events.send(RectificationClosedV1.TYPE, n.projectId().toString(), c);
        return c;
    }
}
