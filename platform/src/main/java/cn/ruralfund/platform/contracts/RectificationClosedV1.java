package cn.ruralfund.platform.contracts;

import cn.ruralfund.platform.events.EventType;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A notice of {@link RectificationIssuedV1} reached its outcome: RECTIFIED (closed by the office by its
 * deadline) or EXPIRED (not closed by the deadline; for R12–R14 an {@link EnterpriseDisqualifiedV1}
 * follows). Published by project-service; same subject as the notice's RectificationIssuedV1.
 * Schema: {@code events/project.rectification-closed.v1.schema.json}.
 */
public record RectificationClosedV1(
        UUID noticeId,
        UUID projectId,
        String enterpriseCreditCode,
        String kind,
        String rule,
        String outcome,
        String remark,
        OffsetDateTime closedAt) {

    public static final EventType<RectificationClosedV1> TYPE =
            new EventType<>("project", "rectification-closed", 1, RectificationClosedV1.class);
}
