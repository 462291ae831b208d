package cn.ruralfund.acceptance.service;

import cn.ruralfund.platform.security.Actor;
import cn.ruralfund.acceptance.domain.ApplicationVersion;
import cn.ruralfund.acceptance.domain.AssetClaim;
import cn.ruralfund.acceptance.domain.DuplicateClaimConfirmation;
import cn.ruralfund.acceptance.domain.InitialReview;
import cn.ruralfund.acceptance.domain.Invoice;
import cn.ruralfund.acceptance.domain.JointReview;
import cn.ruralfund.acceptance.domain.Material;
import cn.ruralfund.acceptance.domain.OnSiteReview;
import cn.ruralfund.acceptance.domain.Postponement;
import cn.ruralfund.acceptance.domain.Project;
import cn.ruralfund.acceptance.domain.TeamMember;
import cn.ruralfund.acceptance.domain.ThirdPartyAudit;
import cn.ruralfund.platform.audit.AuditEntry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Assembles the file of an application (read only, one session), with R15 duplicate claims flagged. */
@ApplicationScoped
public class DossierService {

    private final TeamMinimum teamMinimum;

    DossierService(TeamMinimum teamMinimum) {
        this.teamMinimum = teamMinimum;
    }

    @WithSession
    public Uni<Dossier> of(UUID applicationId, Actor actor) {
        return ApplicationService.visible(applicationId, actor).chain(a -> Project.<Project>findById(a.projectId).chain(p ->
                ApplicationService.missingKinds(a.id, p.task).chain(missing ->
                ApplicationVersion.<ApplicationVersion>list("applicationId = ?1 order by version", a.id).chain(versions ->
                Material.<Material>list("applicationId = ?1 order by uploadedAt, id", a.id).chain(materials ->
                Invoice.<Invoice>list("applicationId = ?1 order by recordedAt, id", a.id).chain(invoices ->
                AssetClaim.<AssetClaim>list("applicationId = ?1 order by recordedAt, id", a.id).chain(assets ->
                duplicates(invoices, assets).chain(duplicates ->
                InitialReview.<InitialReview>list("applicationId = ?1 order by seq", a.id).chain(initial ->
                TeamMember.<TeamMember>list("applicationId = ?1 order by member", a.id).chain(team ->
                teamMinimum.of(p.programId).chain(minimum ->
                OnSiteReview.<OnSiteReview>list("applicationId = ?1 order by reviewedAt, member", a.id).chain(onSite ->
                JointReview.<JointReview>list("applicationId = ?1 order by seq", a.id).chain(joint ->
                ThirdPartyAudit.<ThirdPartyAudit>find("applicationId", a.id).firstResult().chain(audit ->
                Postponement.<Postponement>list("projectId = ?1 order by decidedAt", p.id).chain(postponements ->
                AuditEntry.<AuditEntry>list("(aggregateType = 'application' and aggregateId = ?1) or (aggregateType = 'project' and aggregateId = ?2) order by id",
                        a.id.toString(), p.id.toString()).map(history ->
                        new Dossier(a, p, missing, versions, materials, invoices, assets, duplicates, initial, team, minimum, onSite, joint, audit,
                                postponements, history)))))))))))))))));
    }

    /** The claims of the same 发票代码 + 发票号码, or the same asset, by other projects (any program). Needs a session. */
    static Uni<List<Dossier.DuplicateClaim>> duplicates(List<Invoice> invoices, List<AssetClaim> assets) {
        List<Dossier.DuplicateClaim> found = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Invoice i : invoices) {
            chain = chain.chain(() -> Panache.getSession().chain(s -> s.createSelectionQuery(
                            "select o, p from Invoice o, Project p where p.id = o.projectId and o.code = :code and o.number = :number"
                                    + " and o.projectId <> :project order by o.recordedAt", Object[].class)
                    .setParameter("code", i.code).setParameter("number", i.number).setParameter("project", i.projectId)
                    .getResultList()).invoke(rows -> {
                for (Object[] row : rows) {
                    Invoice o = (Invoice) row[0];
                    Project p = (Project) row[1];
                    found.add(new Dossier.DuplicateClaim("INVOICE", i.id, i.code + "-" + i.number, i.code, i.number, o.applicationId, p.id,
                            p.name, p.programId, p.enterpriseCode, p.enterpriseName, o.id, null));
                }
            }).replaceWithVoid());
        }
        for (AssetClaim c : assets) {
            chain = chain.chain(() -> Panache.getSession().chain(s -> s.createSelectionQuery(
                            "select o, p from AssetClaim o, Project p where p.id = o.projectId and o.kind = :kind and o.normalized = :normalized"
                                    + " and o.projectId <> :project order by o.recordedAt", Object[].class)
                    .setParameter("kind", c.kind).setParameter("normalized", c.normalized).setParameter("project", c.projectId)
                    .getResultList()).invoke(rows -> {
                for (Object[] row : rows) {
                    AssetClaim o = (AssetClaim) row[0];
                    Project p = (Project) row[1];
                    found.add(new Dossier.DuplicateClaim(c.kind, c.id, c.identifier, null, null, o.applicationId, p.id,
                            p.name, p.programId, p.enterpriseCode, p.enterpriseName, o.id, null));
                }
            }).replaceWithVoid());
        }
        return chain.chain(() -> confirmed(found));
    }

    /** Each duplicate with the office's R15 confirmation of the pair, whichever side it was confirmed on. */
    private static Uni<List<Dossier.DuplicateClaim>> confirmed(List<Dossier.DuplicateClaim> found) {
        if (found.isEmpty()) {
            return Uni.createFrom().item(found);
        }
        List<UUID> claims = found.stream().map(Dossier.DuplicateClaim::claimId).distinct().toList();
        return DuplicateClaimConfirmation.<DuplicateClaimConfirmation>list("claimId in ?1 or otherClaimId in ?1", claims).map(confirmations ->
                found.stream().map(d -> confirmations.stream()
                        .filter(c -> (c.claimId.equals(d.claimId()) && c.otherClaimId.equals(d.otherClaimId()))
                                || (c.claimId.equals(d.otherClaimId()) && c.otherClaimId.equals(d.claimId())))
                        .findFirst()
                        .map(c -> new Dossier.DuplicateClaim(d.kind(), d.claimId(), d.identifier(), d.invoiceCode(), d.invoiceNumber(),
                                d.otherApplicationId(), d.otherProjectId(), d.otherProjectName(), d.otherProgramId(),
                                d.otherEnterpriseCode(), d.otherEnterpriseName(), d.otherClaimId(), c.id))
                        .orElse(d)).toList());
    }
}
