package cn.ruralfund.platform.contracts;

import cn.ruralfund.platform.events.EventType;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A publicity window (公示, R5) closed, with or without an upheld objection (异议).
 * Published by publicity-service; subject = announcementId.
 * Schema: {@code events/publicity.publicity-closed.v1.schema.json}.
 *
 * @param kind      what was announced, e.g. {@code ACCEPTANCE} (a passed project), {@code TENDER}
 * @param projectId the project announced, when the announcement is about one
 */
public record PublicityClosedV1(
        UUID announcementId,
        String kind,
        UUID projectId,
        LocalDate openedOn,
        LocalDate closedOn,
        boolean objectionUpheld,
        OffsetDateTime closedAt) {

    public static final EventType<PublicityClosedV1> TYPE =
            new EventType<>("publicity", "publicity-closed", 1, PublicityClosedV1.class);
}
