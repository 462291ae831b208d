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
import java.util.UUID;

/** R12: actual progress behind the approved plan by more than the threshold; resolved when it catches up. */
@Entity
@Table(name = "deviation")
public class Deviation extends PanacheEntityBase {

    public enum Status { OPEN, RESOLVED }

    @Id
    public UUID id;
    @Column(name = "project_id")
    public UUID projectId;
    @Column(name = "detected_on")
    public LocalDate detectedOn;
    @Column(name = "planned_percent")
    public BigDecimal plannedPercent;
    @Column(name = "actual_percent")
    public BigDecimal actualPercent;
    public BigDecimal gap;
    public boolean serious;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "last_checked_on")
    public LocalDate lastCheckedOn;
    @Column(name = "resolved_on")
    public LocalDate resolvedOn;
    /** The enterprise's causes of the delay and its remedial measures (R12). */
    public String causes;
    public String measures;
    @Column(name = "explained_at")
    public java.time.OffsetDateTime explainedAt;
    @Column(name = "explained_by")
    public String explainedBy;
}
