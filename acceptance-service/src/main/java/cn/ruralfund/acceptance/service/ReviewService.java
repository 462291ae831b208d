package cn.ruralfund.acceptance.service;

import cn.ruralfund.platform.security.Actor;
import cn.ruralfund.acceptance.domain.Application;
import cn.ruralfund.acceptance.domain.ConflictDeclaration;
import cn.ruralfund.acceptance.domain.JointReview;
import cn.ruralfund.acceptance.domain.OnSiteReview;
import cn.ruralfund.acceptance.domain.Project;
import cn.ruralfund.acceptance.domain.TeamMember;
import cn.ruralfund.platform.audit.AuditTrail;
import cn.ruralfund.platform.contracts.AcceptanceConcludedV1;
import cn.ruralfund.platform.contracts.PublicityClosedV1;
import cn.ruralfund.platform.contracts.ReviewRecordedV1;
import cn.ruralfund.platform.outbox.Outbox;
import cn.ruralfund.platform.problem.ProblemException;
import cn.ruralfund.platform.time.PlatformClock;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The reviews of R4 after the initial review: the acceptance team (验收小组, at least the program's
 * {@link TeamMinimum} of named members without a declared conflict with the enterprise), each
 * member's on-site review (实地评审), the joint review with Finance (会审), and the office's conclusion
 * 合格/不合格, published as acceptance-concluded in the same transaction (outbox).
 */
@ApplicationScoped
public class ReviewService {

    private final Outbox outbox;
    private final AuditTrail audit;
    private final PlatformClock clock;
    private final ApplicationService applications;
    private final TeamMinimum teamMinimum;

    ReviewService(Outbox outbox, AuditTrail audit, PlatformClock clock, ApplicationService applications, TeamMinimum teamMinimum) {
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
        this.applications = applications;
        this.teamMinimum = teamMinimum;
    }

    /** An acceptance-team member declares a conflict of interest with an enterprise. */
    @WithTransaction
    public Uni<ConflictDeclaration> declareConflict(Commands.DeclareConflict cmd, Actor actor) {
        return ConflictDeclaration.count("member = ?1 and enterpriseCode = ?2", actor.name(), cmd.enterpriseCreditCode()).chain(n -> {
            if (n > 0) {
                throw ProblemException.conflict("conflict-already-declared", "Already declared",
                        actor.name() + " already declared a conflict with " + cmd.enterpriseCreditCode());
            }
            ConflictDeclaration c = new ConflictDeclaration();
            c.id = UUID.randomUUID();
            c.member = actor.name();
            c.enterpriseCode = cmd.enterpriseCreditCode();
            c.reason = cmd.reason();
            c.declaredAt = clock.now();
            return c.persist().chain(() -> audit.record(actor.name(), "conflict.declared", "member", actor.name(), cmd.reason(),
                    Map.of("enterprise", cmd.enterpriseCreditCode()))).replaceWith(c);
        });
    }

    /** The office names the team of a complete application: at least the minimum, none with a declared conflict. */
    @WithTransaction
    public Uni<List<TeamMember>> assignTeam(UUID applicationId, Commands.AssignTeam cmd, Actor actor) {
        List<String> members = List.copyOf(new LinkedHashSet<>(cmd.members().stream().map(String::trim).toList()));
        return ApplicationService.locked(applicationId).chain(a -> {
            mustBeUnderReview(a);
            return minimumOf(a).chain(minimum -> {
                if (members.size() < minimum) {
                    throw ProblemException.rule("r4-team-too-small", "Acceptance team too small",
                            "an acceptance team of this program has at least " + minimum + " distinct members; " + members.size() + " named");
                }
                return OnSiteReview.count("applicationId", a.id);
            }).chain(reviews -> {
                if (reviews > 0) {
                    throw ProblemException.conflict("r4-team-fixed", "Team already reviewing",
                            "application " + a.id + " already has on-site reviews; its team is fixed");
                }
                return ConflictDeclaration.<ConflictDeclaration>list("enterpriseCode = ?1 and member in ?2", a.enterpriseCode, members);
            }).chain(conflicts -> {
                if (!conflicts.isEmpty()) {
                    throw ProblemException.rule("r4-member-conflict", "Conflict of interest",
                            conflicts.stream().map(c -> c.member).toList() + " declared a conflict with enterprise " + a.enterpriseCode);
                }
                List<TeamMember> team = new ArrayList<>();
                for (String m : members) {
                    TeamMember t = new TeamMember();
                    t.id = UUID.randomUUID();
                    t.applicationId = a.id;
                    t.member = m;
                    t.assignedBy = actor.name();
                    t.assignedAt = clock.now();
                    team.add(t);
                }
                return TeamMember.delete("applicationId", a.id)
                        .chain(() -> io.quarkus.hibernate.reactive.panache.Panache.getSession()).chain(s -> s.flush())
                        .chain(() -> TeamMember.persist(team))
                        .chain(() -> audit.record(actor.name(), "team.assigned", "application", a.id, "R4", Map.of("members", members)))
                        .replaceWith(team);
            });
        });
    }

    /** 实地评审: a member of the application's team records findings and whether what was built matches the materials. */
    @WithTransaction
    public Uni<OnSiteReview> onSiteReview(UUID applicationId, Commands.RecordOnSiteReview cmd, Actor actor) {
        return ApplicationService.locked(applicationId).chain(a -> {
            mustBeUnderReview(a);
            return TeamMember.count("applicationId = ?1 and member = ?2", a.id, actor.name()).chain(n -> {
                if (n == 0) {
                    throw ProblemException.forbidden(actor.name() + " is not on the acceptance team of application " + a.id);
                }
                return ConflictDeclaration.count("member = ?1 and enterpriseCode = ?2", actor.name(), a.enterpriseCode);
            }).chain(conflicts -> {
                if (conflicts > 0) {
                    throw ProblemException.rule("r4-member-conflict", "Conflict of interest",
                            actor.name() + " declared a conflict with enterprise " + a.enterpriseCode);
                }
                return OnSiteReview.count("applicationId = ?1 and member = ?2", a.id, actor.name());
            }).chain(done -> {
                if (done > 0) {
                    throw ProblemException.conflict("r4-review-recorded", "Review already recorded",
                            actor.name() + " already recorded an on-site review of application " + a.id);
                }
                OnSiteReview r = new OnSiteReview();
                r.id = UUID.randomUUID();
                r.applicationId = a.id;
                r.member = actor.name();
                r.matchesMaterials = cmd.matchesMaterials();
                r.findings = applications.json(cmd.findings());
                r.reviewedAt = clock.now();
                return r.persist()
                        .chain(() -> outbox.publish(ReviewRecordedV1.TYPE, a.projectId, new ReviewRecordedV1(a.id, a.projectId,
                                ReviewStage.ON_SITE, r.matchesMaterials ? "MATCHES" : "MISMATCH", a.version, r.reviewedAt)))
                        .chain(() -> audit.record(actor.name(), "review.on-site", "application", a.id,
                        cmd.matchesMaterials() ? "what was built matches the materials" : "what was built does not match the materials",
                        cmd.findings())).replaceWith(r);
            });
        });
    }

    /** 会审: Finance records its opinion once every member of the team has reviewed on site. */
    @WithTransaction
    public Uni<JointReview> jointReview(UUID applicationId, Commands.RecordJointReview cmd, Actor actor) {
        return ApplicationService.locked(applicationId).chain(a -> {
            mustBeUnderReview(a);
            return onSiteComplete(a).chain(() -> {
                JointReview j = new JointReview();
                j.id = UUID.randomUUID();
                j.applicationId = a.id;
                j.reviewer = actor.name();
                j.agrees = cmd.agrees();
                j.opinion = cmd.opinion();
                j.reviewedAt = clock.now();
                return j.persist()
                        .chain(() -> outbox.publish(ReviewRecordedV1.TYPE, a.projectId, new ReviewRecordedV1(a.id, a.projectId,
                                ReviewStage.JOINT, j.agrees ? "AGREES" : "DISAGREES", a.version, j.reviewedAt)))
                        .chain(() -> audit.record(actor.name(), "review.joint", "application", a.id, cmd.opinion(),
                        Map.of("agrees", cmd.agrees()))).replaceWith(j);
            });
        });
    }

    /**
     * The conclusion (R4): 合格 PASS or 不合格 FAIL with reasons, final once made. It needs a complete application,
     * the on-site review of every team member (at least the minimum) and the joint review; a PASS needs every member
     * to have found the build matching the materials and Finance to agree. Published as acceptance-concluded.
     */
    @WithTransaction
    public Uni<Application> conclude(UUID applicationId, Commands.Conclude cmd, Actor actor) {
        return ApplicationService.locked(applicationId).chain(a -> {
            if (a.status == Application.Status.PASSED || a.status == Application.Status.FAILED) {
                throw ProblemException.conflict("r4-already-concluded", "Already concluded",
                        "application " + a.id + " was concluded " + a.conclusion + " on " + a.concludedAt + "; a conclusion is final");
            }
            if (a.status != Application.Status.UNDER_REVIEW && a.status != Application.Status.REOPENED) {
                throw ProblemException.rule("r4-not-complete", "Application not complete",
                        "application " + a.id + " is " + a.status + "; only an application found complete in the initial review is concluded");
            }
            return onSiteComplete(a).chain(reviews -> JointReview.<JointReview>find("applicationId = ?1 and superseded = false order by seq desc", a.id)
                    .firstResult().chain(joint -> {
                        if (joint == null) {
                            throw ProblemException.rule("r4-no-joint-review", "No joint review",
                                    "the joint review (会审) with Finance is not recorded for application " + a.id);
                        }
                        boolean pass = AcceptanceOutcome.PASS.equals(cmd.conclusion());
                        if (pass && (!joint.agrees || reviews.stream().anyMatch(r -> !r.matchesMaterials))) {
                            throw ProblemException.rule("r4-pass-not-supported", "A pass is not supported by the reviews",
                                    "a pass needs every on-site reviewer to confirm the build matches the materials and Finance to agree");
                        }
                        return Project.<Project>findById(a.projectId, LockModeType.PESSIMISTIC_WRITE).chain(p -> {
                            if (p.disqualified) {
                                throw ProblemException.rule("r11-disqualified", "Enterprise disqualified",
                                        "the enterprise of project " + p.id + " is disqualified");
                            }
                            return publish(a, p, cmd.conclusion(), pass ? null : AcceptanceOutcome.REVIEW_FAILED, cmd.reasons(), actor.name());
                        });
                    }));
        });
    }

    /** Records a conclusion on the application and the project and adds acceptance-concluded to the outbox. In a transaction. */
    Uni<Application> publish(Application a, Project p, String conclusion, String reason, String detail, String actor) {
        a.status = AcceptanceOutcome.PASS.equals(conclusion) ? Application.Status.PASSED : Application.Status.FAILED;
        a.conclusion = conclusion;
        a.conclusionReason = reason;
        a.conclusionDetail = detail;
        a.concludedBy = actor;
        a.concludedAt = clock.now();
        p.acceptance = conclusion;
        p.acceptanceReason = reason;
        p.concludedAt = a.concludedAt;
        AcceptanceConcludedV1 event = new AcceptanceConcludedV1(p.id, conclusion, reason, detail, a.concludedAt);
        return outbox.publish(AcceptanceConcludedV1.TYPE, p.id, event)
                .chain(() -> audit.record(actor, "acceptance.concluded", "application", a.id, detail, event))
                .replaceWith(a);
    }

    /** An objection upheld during the publicity of a passed project reopens its conclusion for review. In the Inbox's transaction. */
    public Uni<Void> publicityClosed(PublicityClosedV1 closed, String actor) {
        if (closed.projectId() == null || !closed.objectionUpheld()) {
            return Uni.createFrom().voidItem();
        }
        return Project.<Project>findById(closed.projectId(), LockModeType.PESSIMISTIC_WRITE).chain(p -> {
            if (p == null) {
                return Uni.createFrom().voidItem(); // not a project of ours
            }
            return Application.<Application>find("projectId = ?1 and status = ?2", p.id, Application.Status.PASSED).firstResult().chain(a -> {
                if (a == null) {
                    return Uni.createFrom().voidItem();
                }
                a.status = Application.Status.REOPENED;
                p.acceptance = null;
                p.acceptanceReason = null;
                return JointReview.update("superseded = true where applicationId = ?1", a.id).chain(() -> audit.record(actor, "acceptance.reopened", "application", a.id, "objection upheld during publicity (R5)",
                        Map.of("announcementId", String.valueOf(closed.announcementId()), "previousConclusion", String.valueOf(a.conclusion))));
            });
        });
    }

    /** Every team member (at least the minimum) has reviewed on site; the reviews. */
    private Uni<List<OnSiteReview>> onSiteComplete(Application a) {
        return minimumOf(a).chain(minMembers -> TeamMember.<TeamMember>list("applicationId", a.id).chain(team -> {
            if (team.isEmpty()) {
                throw ProblemException.rule("r4-no-on-site-review", "No on-site review",
                        "application " + a.id + " has no acceptance team and no on-site review yet");
            }
            return OnSiteReview.<OnSiteReview>list("applicationId", a.id).map(reviews -> {
                if (reviews.isEmpty()) {
                    throw ProblemException.rule("r4-no-on-site-review", "No on-site review",
                            "no member of the acceptance team has reviewed application " + a.id + " on site");
                }
                if (reviews.size() < Math.max(minMembers, team.size())) {
                    throw ProblemException.rule("r4-on-site-review-incomplete", "On-site review incomplete",
                            reviews.size() + " of " + team.size() + " team members have reviewed on site; at least " + minMembers + " and all of the team are needed");
                }
                return reviews;
            });
        }));
    }

    /** The smallest team of the application's program (R4). */
    private Uni<Integer> minimumOf(Application a) {
        return Project.<Project>findById(a.projectId).chain(p -> teamMinimum.of(p.programId));
    }

    private static void mustBeUnderReview(Application a) {
        if (a.status != Application.Status.UNDER_REVIEW && a.status != Application.Status.REOPENED) {
            throw ProblemException.conflict("r4-not-under-review", "Not under review",
                    "application " + a.id + " is " + a.status + "; the team reviews an application the initial review found complete");
        }
    }
}
