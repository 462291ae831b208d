package cn.ruralfund.acceptance.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The office's confirmation that a claim of an application (an invoice or an asset) duplicates another project's
 * claim: a duplicate subsidy claim (重复申请补助, R15), which project-service records as a violation. One per claim.
 */
@Entity
@Table(name = "duplicate_claim_confirmation")
public class DuplicateClaimConfirmation extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "application_id")
    public UUID applicationId;
    @Column(name = "project_id")
    public UUID projectId;
    /** INVOICE, SERIAL_NUMBER or FACILITY_ADDRESS. */
    @Column(name = "claim_kind")
    public String kind;
    /** The invoice or asset claim of this application found to be the duplicate. */
    @Column(name = "claim_id")
    public UUID claimId;
    public String identifier;
    @Column(name = "other_application_id")
    public UUID otherApplicationId;
    @Column(name = "other_project_id")
    public UUID otherProjectId;
    @Column(name = "other_claim_id")
    public UUID otherClaimId;
    public BigDecimal amount;
    /** The office's decision document (e.g. 景商务〔2022〕15号). */
    @Column(name = "decision_reference")
    public String decisionReference;
    public String reason;
    @Column(name = "confirmed_by")
    public String confirmedBy;
    @Column(name = "confirmed_at")
    public OffsetDateTime confirmedAt;
}
