package cn.ruralfund.platform.contracts;

import cn.ruralfund.platform.events.EventType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An undertaking enterprise reported the actual progress of its project (R10, R12). Published by
 * project-service; subject = projectId. Schema: {@code events/project.progress-reported.v1.schema.json}.
 *
 * @param percentDone share of the project done, 0–100, two decimals
 * @param reportedOn  the date the progress is reported as of
 */
public record ProgressReportedV1(
        UUID projectId,
        UUID reportId,
        String enterpriseCreditCode,
        LocalDate reportedOn,
        BigDecimal percentDone,
        String evidence) {

    public static final EventType<ProgressReportedV1> TYPE =
            new EventType<>("project", "progress-reported", 1, ProgressReportedV1.class);
}
