package cn.ruralfund.budget.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A county's special fund of one year (专项资金), e.g. Jinghong 2020, ¥5,000,000 (F1). */
@Entity
@Table(name = "program")
public class Program extends PanacheEntityBase {

    @Id
    public UUID id;
    public String county;
    public int year;
    public String name;
    /** Allotted by the province (下达资金). */
    public BigDecimal total;
    /** First day of the first month of the period. */
    @Column(name = "period_start")
    public LocalDate periodStart;
    /** First day of the last month of the period. */
    @Column(name = "period_end")
    public LocalDate periodEnd;
    /** R7: the most a project may be pre-disbursed, in percent of its committed budget (Jinghong 2020: 50). */
    @Column(name = "pre_disbursement_cap_percent")
    public int preDisbursementCapPercent;
    /** R5: the shortest publicity window, in working days (never below 5). */
    @Column(name = "publicity_working_days")
    public int publicityWorkingDays;
    /** R4: the smallest acceptance team (never below 3). */
    @Column(name = "acceptance_team_minimum")
    public int acceptanceTeamMinimum;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "created_by")
    public String createdBy;

    @OneToMany(mappedBy = "program", cascade = CascadeType.PERSIST)
    @OrderBy("position")
    public List<Direction> directions = new ArrayList<>();

    @OneToMany(mappedBy = "program", cascade = CascadeType.PERSIST)
    @OrderBy("position")
    public List<Phase> phases = new ArrayList<>();

    public BigDecimal allocated() {
        return directions.stream().map(d -> d.allocation).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
