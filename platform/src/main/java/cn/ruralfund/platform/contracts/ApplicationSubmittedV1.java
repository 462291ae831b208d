package cn.ruralfund.platform.contracts;

import cn.ruralfund.platform.events.EventType;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An undertaking enterprise submitted (or resubmitted, a new version) its application for acceptance (申报, R3), made
 * public by R17. Published by acceptance-service; subject = projectId.
 * Schema: {@code events/acceptance.application-submitted.v1.schema.json}.
 *
 * @param version   1 for the first submission, n+1 for each resubmission after an incomplete initial review
 * @param materials the number of supporting materials the version carries
 * @param invoices  the number of invoices it claims
 */
public record ApplicationSubmittedV1(
        UUID applicationId,
        UUID projectId,
        String enterpriseCreditCode,
        int version,
        int materials,
        int invoices,
        OffsetDateTime submittedAt) {

    public static final EventType<ApplicationSubmittedV1> TYPE =
            new EventType<>("acceptance", "application-submitted", 1, ApplicationSubmittedV1.class);
}
