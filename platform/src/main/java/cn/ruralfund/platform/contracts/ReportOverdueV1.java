package cn.ruralfund.platform.contracts;

import cn.ruralfund.platform.events.EventType;

import java.time.LocalDate;
import java.util.UUID;

/**
 * An undertaking enterprise's periodic sales report (R16) is overdue. Published by reporting-service;
 * subject = enterpriseCreditCode. project-service turns it into a data-reporting notice with a deadline.
 * Schema: {@code events/reporting.report-overdue.v1.schema.json}.
 *
 * @param period    the reporting period owed, e.g. {@code 2021-03} or {@code 2021-Q1}
 * @param dueOn     the date the report was due
 * @param projectId the project the report concerns, or null for the enterprise's sales as a whole
 */
public record ReportOverdueV1(
        String enterpriseCreditCode,
        String period,
        LocalDate dueOn,
        UUID projectId) {

    public static final EventType<ReportOverdueV1> TYPE =
            new EventType<>("reporting", "report-overdue", 1, ReportOverdueV1.class);
}
