package cn.ruralfund.acceptance.service;

import cn.ruralfund.acceptance.domain.Application;
import cn.ruralfund.acceptance.domain.ApplicationVersion;
import cn.ruralfund.acceptance.domain.AssetClaim;
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

import java.util.List;
import java.util.UUID;

/**
 * The whole file (档案, R6) of one application: everything a reviewer or an inspector reads.
 *
 * @param teamMinimum the smallest acceptance team of the project's program (R4)
 */
public record Dossier(
        Application application,
        Project project,
        List<String> missingKinds,
        List<ApplicationVersion> versions,
        List<Material> materials,
        List<Invoice> invoices,
        List<AssetClaim> assets,
        List<DuplicateClaim> duplicateClaims,
        List<InitialReview> initialReviews,
        List<TeamMember> team,
        int teamMinimum,
        List<OnSiteReview> onSiteReviews,
        List<JointReview> jointReviews,
        ThirdPartyAudit audit,
        List<Postponement> postponements,
        List<AuditEntry> history) {

    /**
     * R15: an invoice or an asset of this application also claimed by another project (of any program): a possible
     * duplicate subsidy claim (重复申请补助), shown to every reviewer with the other claim named.
     *
     * @param kind       INVOICE, SERIAL_NUMBER or FACILITY_ADDRESS
     * @param claimId    the invoice or asset claim of this application
     * @param identifier     发票代码-发票号码, the serial number or the address, as claimed here
     * @param otherClaimId   the invoice or asset claim of the other application
     * @param confirmationId the office's R15 confirmation of this pair (either side found the duplicate), or null
     */
    public record DuplicateClaim(String kind, UUID claimId, String identifier, String invoiceCode, String invoiceNumber,
                                 UUID otherApplicationId, UUID otherProjectId, String otherProjectName,
                                 UUID otherProgramId, String otherEnterpriseCode, String otherEnterpriseName,
                                 UUID otherClaimId, UUID confirmationId) {
    }
}
