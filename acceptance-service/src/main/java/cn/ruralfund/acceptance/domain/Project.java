package cn.ruralfund.acceptance.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A demonstration project (示范项目) as project-service registered it, with the acceptance deadline this
 * service owns (R8: by default the program's end; moved only by a recorded R14 postponement) and the
 * project's current acceptance conclusion.
 */
@Entity
@Table(name = "project")
public class Project extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "program_id")
    public UUID programId;
    public String name;
    /** The task of the plan, which selects the material checklist. */
    public String task;
    @Column(name = "enterprise_code")
    public String enterpriseCode;
    @Column(name = "enterprise_name")
    public String enterpriseName;
    public BigDecimal budget;
    /** Last day on which the acceptance may pass; null until the program's end is known. */
    public LocalDate deadline;
    /** 取消承办资格: no more applications. */
    public boolean disqualified;
    /** PASS or FAIL once concluded; null while open (or reopened by an upheld objection). */
    public String acceptance;
    @Column(name = "acceptance_reason")
    public String acceptanceReason;
    @Column(name = "concluded_at")
    public OffsetDateTime concludedAt;
    @Column(name = "registered_at")
    public OffsetDateTime registeredAt;
}
