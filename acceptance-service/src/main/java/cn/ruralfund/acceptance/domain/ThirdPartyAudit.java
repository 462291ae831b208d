package cn.ruralfund.acceptance.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** 第三方审计 of a passed application: the audited eligible amount caps what budget-service pays (R7). */
@Entity
@Table(name = "third_party_audit")
public class ThirdPartyAudit extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "application_id")
    public UUID applicationId;
    @Column(name = "project_id")
    public UUID projectId;
    @Column(name = "audit_firm")
    public String auditFirm;
    @Column(name = "report_number")
    public String reportNumber;
    @Column(name = "audited_eligible_amount")
    public BigDecimal auditedEligibleAmount;
    @Column(name = "recorded_by")
    public String recordedBy;
    @Column(name = "completed_at")
    public OffsetDateTime completedAt;
}
