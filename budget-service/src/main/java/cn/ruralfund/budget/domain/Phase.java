package cn.ruralfund.budget.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.UUID;

/** A phase of a program (F3): 启动 launch, 实施 implementation, 提升 improvement, by month. */
@Entity
@Table(name = "program_phase")
public class Phase extends PanacheEntityBase {

    @Id
    public UUID id;
    @ManyToOne
    @JoinColumn(name = "program_id")
    public Program program;
    public int position;
    public String code;
    public String name;
    /** First day of the first month. */
    @Column(name = "start_month")
    public LocalDate startMonth;
    /** First day of the last month. */
    @Column(name = "end_month")
    public LocalDate endMonth;
}
