package cn.ruralfund.budget.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.util.UUID;

/** A direction of use (使用方向) of a program and its allocation (F2), e.g. 农产品上行体系建设 ¥4,500,000. */
@Entity
@Table(name = "program_direction")
public class Direction extends PanacheEntityBase {

    @Id
    public UUID id;
    @ManyToOne
    @JoinColumn(name = "program_id")
    public Program program;
    @Column(name = "program_id", insertable = false, updatable = false)
    public UUID programId;
    public int position;
    public String name;
    public BigDecimal allocation;
}
