package cn.ruralfund.acceptance.service;

import cn.ruralfund.platform.security.Actor;
import cn.ruralfund.acceptance.domain.Application;
import cn.ruralfund.acceptance.domain.AssetClaim;
import cn.ruralfund.acceptance.domain.DuplicateClaimConfirmation;
import cn.ruralfund.acceptance.domain.Invoice;
import cn.ruralfund.acceptance.domain.Project;
import cn.ruralfund.platform.audit.AuditTrail;
import cn.ruralfund.platform.contracts.DuplicateClaimConfirmedV1;
import cn.ruralfund.platform.outbox.Outbox;
import cn.ruralfund.platform.problem.ProblemException;
import cn.ruralfund.platform.time.PlatformClock;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.UUID;

/**
 * R15 in one step: the office turns a flagged duplicate claim (重复申请补助: the same invoice or asset claimed by
 * another project) into a confirmed one, published as duplicate-claim-confirmed in the same transaction; project-service
 * records the R15 violation and budget-service recovers the amount. Each claim is confirmed once.
 */
@ApplicationScoped
public class DuplicateClaimService {

    private final Outbox outbox;
    private final AuditTrail audit;
    private final PlatformClock clock;

    DuplicateClaimService(Outbox outbox, AuditTrail audit, PlatformClock clock) {
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<DuplicateClaimConfirmation> confirm(UUID applicationId, Commands.ConfirmDuplicateClaim cmd, Actor actor) {
        return lockBoth(applicationId, cmd.otherApplicationId()).chain(a -> Invoice.<Invoice>find("id = ?1 and applicationId = ?2", cmd.claimId(), a.id)
                .firstResult().chain(invoice -> AssetClaim.<AssetClaim>find("id = ?1 and applicationId = ?2", cmd.claimId(), a.id)
                        .firstResult().chain(asset -> {
                            if (invoice == null && asset == null) {
                                throw ProblemException.rule("r15-claim-unknown", "No such claim",
                                        "application " + a.id + " records no invoice or asset " + cmd.claimId());
                            }
                            return DossierService.duplicates(invoice == null ? List.of() : List.of(invoice), asset == null ? List.of() : List.of(asset))
                                    .chain(found -> {
                                        Dossier.DuplicateClaim d = found.stream()
                                                .filter(x -> x.otherApplicationId().equals(cmd.otherApplicationId())).findFirst()
                                                .orElseThrow(() -> ProblemException.rule("r15-not-a-duplicate", "Not a flagged duplicate",
                                                        "claim " + cmd.claimId() + " of application " + a.id + " is not claimed by application "
                                                                + cmd.otherApplicationId() + " of another project"));
                                        if (d.confirmationId() != null) {
                                            throw ProblemException.conflict("r15-already-confirmed", "Duplicate claim already confirmed",
                                                    "the duplicate of claim " + cmd.claimId() + " and application " + cmd.otherApplicationId()
                                                            + " is already confirmed (" + d.confirmationId() + ")");
                                        }
                                        return DuplicateClaimConfirmation.count("claimId", cmd.claimId()).chain(n -> {
                                            if (n > 0) {
                                                throw ProblemException.conflict("r15-already-confirmed", "Duplicate claim already confirmed",
                                                        "claim " + cmd.claimId() + " is already confirmed as a duplicate");
                                            }
                                            return Project.<Project>findById(a.projectId).chain(p -> record(a, p, d, amount(cmd, invoice), cmd, actor));
                                        });
                                    });
                        })));
    }

    /**
     * Both applications' rows, in one order whatever side the office confirms from: two confirmations of one claim, or
     * of one pair from its two sides, decide once (and never deadlock). The other application may not exist: then
     * the pair is not a flagged duplicate, which the caller reports.
     */
    private static Uni<Application> lockBoth(UUID applicationId, UUID otherApplicationId) {
        if (applicationId.compareTo(otherApplicationId) <= 0) {
            return ApplicationService.locked(applicationId)
                    .call(a -> Application.findById(otherApplicationId, LockModeType.PESSIMISTIC_WRITE));
        }
        return Application.<Application>findById(otherApplicationId, LockModeType.PESSIMISTIC_WRITE)
                .chain(() -> ApplicationService.locked(applicationId));
    }

    /** What was claimed twice: the invoice's amount unless the office names another; an asset has no amount of its own. */
    private static BigDecimal amount(Commands.ConfirmDuplicateClaim cmd, Invoice invoice) {
        if (cmd.amount() != null) {
            return cmd.amount().setScale(2, RoundingMode.UNNECESSARY);
        }
        if (invoice == null) {
            throw ProblemException.rule("r15-amount-required", "Amount required",
                    "an asset claim carries no amount: the office states the amount claimed twice");
        }
        return invoice.amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    private Uni<DuplicateClaimConfirmation> record(Application a, Project p, Dossier.DuplicateClaim d, BigDecimal amount,
                                                   Commands.ConfirmDuplicateClaim cmd, Actor actor) {
        DuplicateClaimConfirmation c = new DuplicateClaimConfirmation();
        c.id = UUID.randomUUID();
        c.applicationId = a.id;
        c.projectId = p.id;
        c.kind = d.kind();
        c.claimId = d.claimId();
        c.identifier = d.identifier();
        c.otherApplicationId = d.otherApplicationId();
        c.otherProjectId = d.otherProjectId();
        c.otherClaimId = d.otherClaimId();
        c.amount = amount;
        c.decisionReference = cmd.decisionReference().strip();
        c.reason = cmd.reason().strip();
        c.confirmedBy = actor.name();
        c.confirmedAt = clock.now();
        DuplicateClaimConfirmedV1 event = new DuplicateClaimConfirmedV1(c.id, c.decisionReference, c.kind, c.identifier, c.amount,
                new DuplicateClaimConfirmedV1.Claim(a.id, p.id, p.programId, p.enterpriseCode, c.claimId),
                new DuplicateClaimConfirmedV1.Claim(d.otherApplicationId(), d.otherProjectId(), d.otherProgramId(), d.otherEnterpriseCode(), d.otherClaimId()),
                c.reason, c.confirmedAt);
        return c.persist()
                .chain(() -> outbox.publish(DuplicateClaimConfirmedV1.TYPE, p.id, event))
                .chain(() -> audit.record(actor.name(), "duplicate-claim.confirmed", "application", a.id,
                        "R15 " + c.kind + " " + c.identifier + " duplicates application " + c.otherApplicationId + " (" + c.decisionReference + ")", event))
                .replaceWith(c);
    }
}
