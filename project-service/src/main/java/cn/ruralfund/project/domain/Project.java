package cn.ruralfund.project.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A demonstration project (示范项目) under a program direction and task, built by the awarded enterprise. */
@Entity
@Table(name = "project")
public class Project extends PanacheEntityBase {

    public enum Status {
        /** Registered; budget-service has not answered yet. */
        BUDGET_PENDING,
        /** budget-service committed the budget: under construction. */
        ACTIVE,
        /** budget-service refused the budget (reason in statusReason). */
        REFUSED,
        /** 取消承办资格: a rectification notice was not closed by its deadline (R12–R14), or a violation (R11). */
        DISQUALIFIED,
        /** acceptance-service concluded 合格 (R4): construction is over, no more progress supervision. */
        ACCEPTED,
        /** acceptance-service concluded 不合格, or the acceptance deadline passed (R4, R8). */
        ACCEPTANCE_FAILED
    }

    public enum PlanStatus { NONE, SUBMITTED, APPROVED }

    @Id
    public UUID id;
    /** R1, 不重复建设: the earlier live project of the same task in the same township, flagged to the office. */
    @Column(name = "duplicate_of")
    public UUID duplicateOf;
    @Column(name = "tender_id")
    public UUID tenderId;
    @Column(name = "task_id")
    public UUID taskId;
    @Column(name = "program_id")
    public UUID programId;
    @Column(name = "direction_id")
    public UUID directionId;
    @Column(name = "enterprise_id")
    public UUID enterpriseId;
    @Column(name = "enterprise_code")
    public String enterpriseCode;
    public String name;
    public BigDecimal budget;
    public String township;
    @Column(name = "responsible_units")
    public String responsibleUnits;
    @Column(name = "start_date")
    public LocalDate startDate;
    @Column(name = "end_date")
    public LocalDate endDate;
    public String phase;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "status_reason")
    public String statusReason;
    @Enumerated(EnumType.STRING)
    @Column(name = "plan_status")
    public PlanStatus planStatus;
    @Column(name = "plan_submitted_at")
    public OffsetDateTime planSubmittedAt;
    @Column(name = "plan_approved_at")
    public OffsetDateTime planApprovedAt;
    @Column(name = "plan_approved_by")
    public String planApprovedBy;
    /** PASS or FAIL, from acceptance-service. */
    public String acceptance;
    @Column(name = "acceptance_reason")
    public String acceptanceReason;
    @Column(name = "accepted_at")
    public OffsetDateTime acceptedAt;
    /** When the publicity (公示) of the project closed, from publicity-service, and whether an objection was upheld. */
    @Column(name = "publicity_closed_on")
    public LocalDate publicityClosedOn;
    @Column(name = "objection_upheld")
    public Boolean objectionUpheld;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "created_by")
    public String createdBy;

    /** Whether construction goes on: progress can be reported and supervised. */
    public boolean live() {
        return status == Status.ACTIVE || status == Status.BUDGET_PENDING;
    }
}
