package cn.ruralfund.platform.contracts;

import cn.ruralfund.platform.events.EventType;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A public tender (招标) for a task of a program direction was awarded to an undertaking enterprise
 * (F5); made public by publicity-service (R17). Published by project-service; subject = tenderId.
 * Schema: {@code events/project.tender-awarded.v1.schema.json}.
 *
 * @param tenderReference the tender's public reference number
 * @param amount          the awarded (winning bid) amount, in yuan, exact to the fen
 * @param awardReference  the reference of the award decision (中标通知书)
 * @param bids            how many bids the tender received
 */
public record TenderAwardedV1(
        UUID tenderId,
        String tenderReference,
        String title,
        UUID programId,
        UUID directionId,
        UUID taskId,
        String task,
        String enterpriseCreditCode,
        String enterpriseName,
        BigDecimal amount,
        LocalDate awardDate,
        String awardReference,
        int bids) {

    public static final EventType<TenderAwardedV1> TYPE =
            new EventType<>("project", "tender-awarded", 1, TenderAwardedV1.class);
}
