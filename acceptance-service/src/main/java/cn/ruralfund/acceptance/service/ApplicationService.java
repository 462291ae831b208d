package cn.ruralfund.acceptance.service;

import cn.ruralfund.platform.security.Actor;
import cn.ruralfund.acceptance.domain.Application;
import cn.ruralfund.acceptance.domain.ApplicationVersion;
import cn.ruralfund.acceptance.domain.AssetClaim;
import cn.ruralfund.acceptance.domain.ChecklistItem;
import cn.ruralfund.acceptance.domain.InitialReview;
import cn.ruralfund.acceptance.domain.Invoice;
import cn.ruralfund.acceptance.domain.Material;
import cn.ruralfund.acceptance.domain.Project;
import cn.ruralfund.acceptance.domain.TeamMember;
import cn.ruralfund.platform.audit.AuditTrail;
import cn.ruralfund.platform.contracts.ApplicationSubmittedV1;
import cn.ruralfund.platform.contracts.ReviewRecordedV1;
import cn.ruralfund.platform.outbox.Outbox;
import cn.ruralfund.platform.problem.ProblemException;
import cn.ruralfund.platform.security.Roles;
import cn.ruralfund.platform.time.PlatformClock;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Applications for acceptance (申报, R3): an enterprise applies for its own project, gathers materials and
 * invoices, submits (each submission a kept version); the office's initial review (初审) finds it complete or
 * sends it back with what is missing.
 */
@ApplicationScoped
public class ApplicationService {

    private final Outbox outbox;
    private final AuditTrail audit;
    private final PlatformClock clock;
    private final ObjectMapper mapper;

    ApplicationService(Outbox outbox, AuditTrail audit, PlatformClock clock, ObjectMapper mapper) {
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
        this.mapper = mapper;
    }

    /** R3: the enterprise applies for acceptance of its own project, under construction or completed. */
    @WithTransaction
    public Uni<Application> apply(Commands.Apply cmd, Actor actor) {
        if (!actor.isEnterprise()) {
            throw ProblemException.forbidden("only the undertaking enterprise applies for acceptance");
        }
        // the project row is locked: two concurrent applications for one project cannot both open
        return Project.<Project>findById(cmd.projectId(), LockModeType.PESSIMISTIC_WRITE).chain(p -> {
            if (p == null) {
                throw ProblemException.notFound("project", cmd.projectId());
            }
            actor.mustOwn(p.enterpriseCode, "project " + p.id);
            mustBeOpenForAcceptance(p);
            return Application.<Application>find("projectId = ?1 and status not in ?2", p.id,
                    List.of(Application.Status.FAILED, Application.Status.CLOSED)).firstResult().chain(open -> {
                if (open != null) {
                    throw ProblemException.conflict("r3-application-open", "An application is open",
                            "project " + p.id + " already has application " + open.id + " (" + open.status + ")");
                }
                Application a = new Application();
                a.id = UUID.randomUUID();
                a.projectId = p.id;
                a.enterpriseCode = p.enterpriseCode;
                a.status = Application.Status.DRAFT;
                a.version = 0;
                a.statement = cmd.statement();
                a.createdAt = clock.now();
                return a.persist().chain(() -> audit.record(actor.name(), "application.created", "application", a.id, "R3", Map.of("projectId", p.id.toString())))
                        .replaceWith(a);
            });
        });
    }

    /** A project takes applications while its enterprise is qualified, it has not passed, and its deadline has not passed. */
    void mustBeOpenForAcceptance(Project p) {
        if (p.disqualified) {
            throw ProblemException.rule("r11-disqualified", "Enterprise disqualified", "the enterprise of project " + p.id + " is disqualified (取消承办资格)");
        }
        if (AcceptanceOutcome.PASS.equals(p.acceptance)) {
            throw ProblemException.conflict("r4-already-passed", "Already accepted", "project " + p.id + " already passed acceptance");
        }
        if (p.deadline != null && clock.today().isAfter(p.deadline)) {
            throw ProblemException.rule("r8-deadline-passed", "Acceptance deadline passed",
                    "the acceptance deadline of project " + p.id + " was " + p.deadline);
        }
    }

    /** R15: records an invoice claimed by the application; the same invoice twice in one application is refused. */
    @WithTransaction
    public Uni<Invoice> recordInvoice(UUID applicationId, Commands.RecordInvoice cmd, Actor actor) {
        return editable(applicationId, actor).chain(a -> Invoice.count("applicationId = ?1 and code = ?2 and number = ?3", a.id, cmd.code(), cmd.number())
                .chain(n -> {
                    if (n > 0) {
                        throw ProblemException.conflict("r15-invoice-repeated", "Invoice already claimed here",
                                "invoice " + cmd.code() + "-" + cmd.number() + " is already in application " + a.id);
                    }
                    Invoice i = new Invoice();
                    i.id = UUID.randomUUID();
                    i.applicationId = a.id;
                    i.projectId = a.projectId;
                    i.code = cmd.code();
                    i.number = cmd.number();
                    i.issuedOn = cmd.issuedOn();
                    i.seller = cmd.seller();
                    i.amount = cmd.amount().setScale(2);
                    i.recordedBy = actor.name();
                    i.recordedAt = clock.now();
                    return i.persist().chain(() -> audit.record(actor.name(), "invoice.recorded", "application", a.id, null,
                            Map.of("invoice", i.code + "-" + i.number, "amount", i.amount.toPlainString()))).replaceWith(i);
                }));
    }

    /** R15: records an asset the application claims; the same asset twice in one application is refused. */
    @WithTransaction
    public Uni<AssetClaim> claimAsset(UUID applicationId, Commands.ClaimAsset cmd, Actor actor) {
        String normalized = AssetClaim.normalize(cmd.identifier());
        if (normalized.isEmpty()) {
            throw ProblemException.invalid("asset-identifier", "the identifier has no letters or digits");
        }
        return editable(applicationId, actor).chain(a -> AssetClaim.count("applicationId = ?1 and kind = ?2 and normalized = ?3", a.id, cmd.kind(), normalized)
                .chain(n -> {
                    if (n > 0) {
                        throw ProblemException.conflict("r15-asset-repeated", "Asset already claimed here",
                                cmd.kind() + " " + cmd.identifier() + " is already in application " + a.id);
                    }
                    AssetClaim c = new AssetClaim();
                    c.id = UUID.randomUUID();
                    c.applicationId = a.id;
                    c.projectId = a.projectId;
                    c.kind = cmd.kind();
                    c.identifier = cmd.identifier().trim();
                    c.normalized = normalized;
                    c.description = cmd.description();
                    c.recordedBy = actor.name();
                    c.recordedAt = clock.now();
                    return c.persist().chain(() -> audit.record(actor.name(), "asset.claimed", "application", a.id, null,
                            Map.of("kind", c.kind, "identifier", c.identifier))).replaceWith(c);
                }));
    }

    /** The enterprise submits (or resubmits) the application; each submission is a kept version. */
    @WithTransaction
    public Uni<Application> submit(UUID applicationId, Actor actor) {
        return editable(applicationId, actor).chain(a -> Project.<Project>findById(a.projectId).chain(p -> {
            mustBeOpenForAcceptance(p);
            return Material.<Material>list("applicationId = ?1 order by uploadedAt", a.id).chain(materials -> {
                if (materials.isEmpty()) {
                    throw ProblemException.rule("r3-no-materials", "No supporting materials", "an application carries supporting materials (R3)");
                }
                return Invoice.<Invoice>list("applicationId = ?1 order by recordedAt", a.id).chain(invoices -> {
                    a.version++;
                    a.status = Application.Status.SUBMITTED;
                    a.submittedAt = clock.now();
                    for (Material m : materials) {
                        if (m.addedIn == 0) {
                            m.addedIn = a.version;
                        }
                    }
                    ApplicationVersion v = new ApplicationVersion();
                    v.id = UUID.randomUUID();
                    v.applicationId = a.id;
                    v.version = a.version;
                    v.submittedAt = a.submittedAt;
                    v.submittedBy = actor.name();
                    v.materials = json(materials.stream().map(m -> m.id.toString()).toList());
                    v.invoices = json(invoices.stream().map(i -> i.id.toString()).toList());
                    ApplicationSubmittedV1 event = new ApplicationSubmittedV1(a.id, a.projectId, a.enterpriseCode, a.version,
                            materials.size(), invoices.size(), a.submittedAt);
                    return v.persist()
                            .chain(() -> outbox.publish(ApplicationSubmittedV1.TYPE, a.projectId, event))
                            .chain(() -> audit.record(actor.name(), "application.submitted", "application", a.id, "R3",
                                    Map.of("version", a.version, "materials", materials.size(), "invoices", invoices.size()))).replaceWith(a);
                });
            });
        }));
    }

    /** 初审 (R4): complete (nothing on the checklist missing) or incomplete with the missing items, back to the enterprise. */
    @WithTransaction
    public Uni<Application> initialReview(UUID applicationId, Commands.InitialReviewDecision cmd, Actor actor) {
        return locked(applicationId).chain(a -> {
            if (a.status != Application.Status.SUBMITTED) {
                throw ProblemException.conflict("r4-not-submitted", "Not waiting for an initial review",
                        "application " + a.id + " is " + a.status + "; the initial review follows a submission");
            }
            return Project.<Project>findById(a.projectId).chain(p -> missingKinds(a.id, p.task).chain(missingKinds -> {
                Set<String> missing = new LinkedHashSet<>(missingKinds);
                if (cmd.missing() != null) {
                    missing.addAll(cmd.missing());
                }
                if (cmd.complete() && !missingKinds.isEmpty()) {
                    throw ProblemException.rule("r4-materials-missing", "Materials missing",
                            "the checklist of task " + p.task + " still lacks " + missingKinds);
                }
                if (!cmd.complete() && missing.isEmpty()) {
                    throw ProblemException.invalid("missing-items-required", "an incomplete application names what is missing");
                }
                InitialReview r = new InitialReview();
                r.id = UUID.randomUUID();
                r.applicationId = a.id;
                r.version = a.version;
                r.complete = cmd.complete();
                r.missing = cmd.complete() ? null : json(List.copyOf(missing));
                r.note = cmd.note();
                r.reviewer = actor.name();
                r.reviewedAt = clock.now();
                a.status = cmd.complete() ? Application.Status.UNDER_REVIEW : Application.Status.INCOMPLETE;
                a.missing = r.missing;
                return r.persist()
                        .chain(() -> outbox.publish(ReviewRecordedV1.TYPE, a.projectId, new ReviewRecordedV1(a.id, a.projectId,
                                ReviewStage.INITIAL, cmd.complete() ? "COMPLETE" : "INCOMPLETE", a.version, r.reviewedAt)))
                        .chain(() -> audit.record(actor.name(), cmd.complete() ? "review.initial.complete" : "review.initial.incomplete",
                        "application", a.id, cmd.note(), Map.of("version", a.version, "missing", List.copyOf(missing)))).replaceWith(a);
            }));
        });
    }

    @WithSession
    public Uni<Application> find(UUID applicationId, Actor actor) {
        return visible(applicationId, actor);
    }

    /** The applications the actor may see: an enterprise its own, a team member those of its teams, an auditor the passed ones. */
    @WithSession
    public Uni<List<Application>> list(Actor actor) {
        if (actor.seesAll()) {
            return Application.list("order by createdAt");
        }
        if (actor.isEnterprise()) {
            return Application.list("enterpriseCode = ?1 order by createdAt", actor.enterprise());
        }
        if (actor.is(Roles.ACCEPTANCE_TEAM)) {
            return Application.list("id in (select t.applicationId from TeamMember t where t.member = ?1) order by createdAt", actor.name());
        }
        if (actor.is(Roles.AUDITOR)) {
            return Application.list("status = ?1 order by createdAt", Application.Status.PASSED);
        }
        return Uni.createFrom().item(List.of());
    }

    /** The checklist kinds of the project's task that no material of the application carries yet. Needs a session. */
    static Uni<List<String>> missingKinds(UUID applicationId, String task) {
        return ChecklistService.of(task).chain(items -> Material.<Material>list("applicationId", applicationId).map(materials -> {
            Set<String> have = new java.util.HashSet<>(materials.stream().map(m -> m.kind).toList());
            return items.stream().map(i -> i.kind).filter(k -> !have.contains(k)).toList();
        }));
    }

    /** The application locked for a change by its enterprise: a draft, or sent back as incomplete. */
    static Uni<Application> editable(UUID applicationId, Actor actor) {
        return locked(applicationId).map(a -> {
            actor.mustOwn(a.enterpriseCode, "application " + applicationId);
            if (!actor.isEnterprise()) {
                throw ProblemException.forbidden("only the applying enterprise changes its application");
            }
            if (a.status != Application.Status.DRAFT && a.status != Application.Status.INCOMPLETE) {
                throw ProblemException.conflict("r3-application-not-editable", "Application not editable",
                        "application " + a.id + " is " + a.status + "; the enterprise changes it only as a draft or when sent back incomplete");
            }
            return a;
        });
    }

    /** SELECT ... FOR UPDATE: every change of an application is serialised on its row. */
    static Uni<Application> locked(UUID applicationId) {
        return Application.<Application>findById(applicationId, LockModeType.PESSIMISTIC_WRITE).map(a -> {
            if (a == null) {
                throw ProblemException.notFound("application", applicationId);
            }
            return a;
        });
    }

    /** The application, if the actor may see it. Needs a session. */
    static Uni<Application> visible(UUID applicationId, Actor actor) {
        return Application.<Application>findById(applicationId).chain(a -> {
            if (a == null) {
                throw ProblemException.notFound("application", applicationId);
            }
            if (actor.seesAll()) {
                return Uni.createFrom().item(a);
            }
            if (actor.isEnterprise()) {
                actor.mustOwn(a.enterpriseCode, "application " + applicationId);
                return Uni.createFrom().item(a);
            }
            if (actor.is(Roles.AUDITOR) && a.status == Application.Status.PASSED) {
                return Uni.createFrom().item(a);
            }
            if (actor.is(Roles.ACCEPTANCE_TEAM)) {
                return TeamMember.count("applicationId = ?1 and member = ?2", a.id, actor.name()).map(n -> {
                    if (n == 0) {
                        throw ProblemException.forbidden("you are not on the acceptance team of application " + applicationId);
                    }
                    return a;
                });
            }
            throw ProblemException.forbidden("your role does not see application " + applicationId);
        });
    }

    String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    List<String> strings(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return mapper.readValue(json, new TypeReference<List<String>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
