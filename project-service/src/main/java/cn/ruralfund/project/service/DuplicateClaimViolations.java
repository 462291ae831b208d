package cn.ruralfund.project.service;

import cn.ruralfund.platform.security.Actor;
import cn.ruralfund.platform.contracts.DuplicateClaimConfirmedV1;
import cn.ruralfund.platform.inbox.PoisonMessageException;
import cn.ruralfund.project.domain.Project;
import cn.ruralfund.project.domain.Violation;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

/**
 * R15 in one step: a duplicate subsidy claim (重复申请补助) the office confirmed in acceptance-service becomes a
 * DUPLICATE_CLAIM violation of the claim's project, through the same path as a violation the office confirms here
 * (violation-confirmed with the amount to recover, then the enterprise disqualified). The violation's id is the
 * confirmation's, so the same confirmation heard twice, under any event id, is one violation.
 */
@ApplicationScoped
public class DuplicateClaimViolations {

    private final ProjectService projects;

    DuplicateClaimViolations(ProjectService projects) {
        this.projects = projects;
    }

    /** In the consumer's transaction. */
    public Uni<Void> apply(DuplicateClaimConfirmedV1 confirmed, String source) {
        var claim = confirmed.claim();
        return Project.<Project>findById(claim.projectId(), LockModeType.PESSIMISTIC_WRITE).chain(p -> {
            if (p == null) {
                // acceptance-service knows projects only from this service: an unknown one is a broken contract, kept visible
                throw new PoisonMessageException("duplicate-claim-confirmed " + confirmed.confirmationId() + " names project "
                        + claim.projectId() + ", unknown here", null);
            }
            return Violation.<Violation>findById(confirmed.confirmationId()).chain(existing -> existing != null
                    ? Uni.createFrom().voidItem()
                    : projects.confirm(p, confirmed.confirmationId(), "DUPLICATE_CLAIM", "R15", confirmed.amount(), description(confirmed),
                            Actor.event(source).name()).replaceWithVoid());
        });
    }

    private static String description(DuplicateClaimConfirmedV1 c) {
        var other = c.otherClaim();
        return "duplicate claim (" + c.kind() + " " + c.identifier() + ") also claimed by application " + other.applicationId()
                + " of project " + other.projectId() + " (program " + other.programId() + ", enterprise " + other.enterpriseCreditCode()
                + "); decision " + c.decisionReference() + ": " + c.reason();
    }
}
