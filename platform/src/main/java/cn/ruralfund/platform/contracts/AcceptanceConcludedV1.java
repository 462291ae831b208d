package cn.ruralfund.platform.contracts;

import cn.ruralfund.platform.events.EventType;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The acceptance of a project concluded (R4): 合格 PASS or 不合格 FAIL. A project whose acceptance deadline
 * passed without a pass is concluded FAIL with reason {@code DEADLINE_MISSED} (R8).
 * Published by acceptance-service; subject = projectId. Schema: {@code events/acceptance.acceptance-concluded.v1.schema.json}.
 *
 * @param conclusion PASS or FAIL
 * @param reason     for a FAIL: {@code REVIEW_FAILED} or {@code DEADLINE_MISSED}; free text in {@code detail}
 */
public record AcceptanceConcludedV1(
        UUID projectId,
        String conclusion,
        String reason,
        String detail,
        OffsetDateTime concludedAt) {

    public static final EventType<AcceptanceConcludedV1> TYPE =
            new EventType<>("acceptance", "acceptance-concluded", 1, AcceptanceConcludedV1.class);

    public static final String PASS = "PASS";
    public static final String FAIL = "FAIL";
}
