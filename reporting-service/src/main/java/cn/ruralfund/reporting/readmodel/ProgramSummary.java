package cn.ruralfund.reporting.readmodel;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A program as reporting sees it: the money allotted (下达资金), the denominator of the fund execution rate (T10). */
@Entity
@Table(name = "program_summary")
public class ProgramSummary extends PanacheEntityBase {
    @Id
    @Column(name = "program_id")
    public UUID programId;
    public String county;
    public int year;
    public String name;
    public BigDecimal allotted;
    @Column(name = "period_start")
    public java.time.LocalDate periodStart;
    @Column(name = "period_end")
    public java.time.LocalDate periodEnd;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
