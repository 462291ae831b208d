package cn.ruralfund.platform.contracts;

import cn.ruralfund.platform.events.EventType;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A review step of an application for acceptance was recorded (R4), made public by R17: the office's initial review
 * (初审), one acceptance-team member's on-site review (实地评审) or Finance's joint review (会审). The conclusion itself
 * is {@link AcceptanceConcludedV1}. Published by acceptance-service; subject = projectId.
 * Schema: {@code events/acceptance.review-recorded.v1.schema.json}.
 *
 * @param stage   INITIAL, ON_SITE or JOINT
 * @param outcome INITIAL: COMPLETE or INCOMPLETE; ON_SITE: MATCHES or MISMATCH (what was built against the
 *                materials); JOINT: AGREES or DISAGREES
 * @param version the application version reviewed
 */
public record ReviewRecordedV1(
        UUID applicationId,
        UUID projectId,
        String stage,
        String outcome,
        int version,
        OffsetDateTime reviewedAt) {

    public static final EventType<ReviewRecordedV1> TYPE =
            new EventType<>("acceptance", "review-recorded", 1, ReviewRecordedV1.class);
}
