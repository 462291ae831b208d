package cn.ruralfund.reporting.readmodel;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.util.UUID;

/** A direction of use (使用方向) of a program and its allocation. */
@Entity
@Table(name = "direction_summary")
public class DirectionSummary extends PanacheEntityBase {
    @Id
    @Column(name = "direction_id")
    public UUID directionId;
    @Column(name = "program_id")
    public UUID programId;
    public String name;
    public BigDecimal allocation;
}
