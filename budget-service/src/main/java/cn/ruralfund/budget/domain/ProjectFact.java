package cn.ruralfund.budget.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** What acceptance-service and publicity-service told us about a project: the event-borne preconditions of R7. */
@Entity
@Table(name = "project_fact")
public class ProjectFact extends PanacheEntityBase {
    @Id
    @Column(name = "project_id")
    public UUID projectId;
    public String acceptance;
    @Column(name = "acceptance_reason")
    public String acceptanceReason;
    @Column(name = "accepted_at")
    public OffsetDateTime acceptedAt;
    @Column(name = "audited_amount")
    public BigDecimal auditedAmount;
    @Column(name = "audit_firm")
    public String auditFirm;
    @Column(name = "audit_report")
    public String auditReport;
    @Column(name = "audited_at")
    public OffsetDateTime auditedAt;
    @Column(name = "publicity_closed_on")
    public LocalDate publicityClosedOn;
    @Column(name = "objection_upheld")
    public Boolean objectionUpheld;

    public boolean accepted() {
        return "PASS".equals(acceptance);
    }

    public boolean audited() {
        return auditedAmount != null;
    }

    public boolean publicityClear() {
        return publicityClosedOn != null && Boolean.FALSE.equals(objectionUpheld);
    }
}
