package cn.ruralfund.acceptance.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An application for acceptance (验收申报, R3) of one project by its enterprise, through the reviews to its conclusion (R4). */
@Entity
@Table(name = "application")
public class Application extends PanacheEntityBase {

    public enum Status {
        /** The enterprise is gathering materials. */
        DRAFT,
        /** Submitted; waiting for the office's initial review (初审). */
        SUBMITTED,
        /** The initial review found items missing: back to the enterprise, which resubmits. */
        INCOMPLETE,
        /** Complete: on-site review (实地评审) and joint review (会审) under way. */
        UNDER_REVIEW,
        /** 合格. */
        PASSED,
        /** 不合格 (by review, or the deadline passed). */
        FAILED,
        /** An objection upheld during publicity reopened the conclusion for review. */
        REOPENED,
        /** Closed without a conclusion of its own: the enterprise was disqualified or the deadline passed. */
        CLOSED;

        public boolean open() {
            return this != FAILED && this != CLOSED;
        }
    }

    @Id
    public UUID id;
    @Column(name = "project_id")
    public UUID projectId;
    @Column(name = "enterprise_code")
    public String enterpriseCode;
    @Enumerated(EnumType.STRING)
    public Status status;
    /** 0 while a draft; each submission adds one. */
    public int version;
    public String statement;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;
    /** What the last initial review found missing (JSON list). */
    @com.fasterxml.jackson.annotation.JsonRawValue
    public String missing;
    public String conclusion;
    @Column(name = "conclusion_reason")
    public String conclusionReason;
    @Column(name = "conclusion_detail")
    public String conclusionDetail;
    @Column(name = "concluded_by")
    public String concludedBy;
    @Column(name = "concluded_at")
    public OffsetDateTime concludedAt;
}
