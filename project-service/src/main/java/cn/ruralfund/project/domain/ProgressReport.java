package cn.ruralfund.project.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** The enterprise's report of actual progress: percent done, with evidence, as of a date. */
@Entity
@Table(name = "progress_report")
public class ProgressReport extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "project_id")
    public UUID projectId;
    @Column(name = "reported_on")
    public LocalDate reportedOn;
    @Column(name = "percent_done")
    public BigDecimal percentDone;
    public String evidence;
    public String note;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "reported_by")
    public String reportedBy;
}
