package cn.ruralfund.platform.contracts;

import cn.ruralfund.platform.events.EventType;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The office confirmed a flagged duplicate subsidy claim (重复申请补助, R15): the same invoice (发票代码 + 发票号码) or
 * the same asset (equipment serial number, facility address) claimed by two projects, in any program. {@code claim}
 * is the claim the office found to be the duplicate; {@code otherClaim} is the one it repeats. project-service turns
 * it into an R15 violation (DUPLICATE_CLAIM) of the claim's project, once per {@code confirmationId}, and its
 * violation-confirmed carries {@code amount} to budget-service's recovery. Published by acceptance-service;
 * subject = claim.projectId. Schema: {@code events/acceptance.duplicate-claim-confirmed.v1.schema.json}.
 *
 * @param confirmationId    the office's confirmation (one per claim: a second event with it changes nothing)
 * @param decisionReference the office's decision document, e.g. 景商务〔2022〕15号
 * @param kind              INVOICE, SERIAL_NUMBER or FACILITY_ADDRESS
 * @param identifier        发票代码-发票号码, the serial number or the address, as claimed in {@code claim}
 * @param amount            the amount claimed twice, to recover, in yuan, exact to the fen
 */
public record DuplicateClaimConfirmedV1(
        UUID confirmationId,
        String decisionReference,
        String kind,
        String identifier,
        BigDecimal amount,
        Claim claim,
        Claim otherClaim,
        String reason,
        OffsetDateTime confirmedAt) {

    public static final EventType<DuplicateClaimConfirmedV1> TYPE =
            new EventType<>("acceptance", "duplicate-claim-confirmed", 1, DuplicateClaimConfirmedV1.class);

    /**
     * One side of the duplicate: the application for acceptance that claimed it, its project, program and enterprise.
     *
     * @param claimId the invoice or asset claim recorded on that application
     */
    public record Claim(UUID applicationId, UUID projectId, UUID programId, String enterpriseCreditCode, UUID claimId) {
    }
}
