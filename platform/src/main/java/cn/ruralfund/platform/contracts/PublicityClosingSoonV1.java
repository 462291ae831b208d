package cn.ruralfund.platform.contracts;

import cn.ruralfund.platform.events.EventType;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A warning to the office: a publicity window (公示, R5) ends today or tomorrow with objections (异议) still undecided,
 * and it cannot close until each is decided. Published once per window, the first day the closer sees it.
 * Published by publicity-service; subject = announcementId.
 * Schema: {@code events/publicity.publicity-closing-soon.v1.schema.json}.
 *
 * @param endsOn               the window's last day (objections are received up to its end)
 * @param undecidedObjections  how many objections were undecided when the warning was published (at least 1)
 * @param warnedOn             the day of the warning (China Standard Time)
 */
public record PublicityClosingSoonV1(
        UUID announcementId,
        String kind,
        UUID projectId,
        LocalDate endsOn,
        int undecidedObjections,
        LocalDate warnedOn) {

    public static final EventType<PublicityClosingSoonV1> TYPE =
            new EventType<>("publicity", "publicity-closing-soon", 1, PublicityClosingSoonV1.class);
}
