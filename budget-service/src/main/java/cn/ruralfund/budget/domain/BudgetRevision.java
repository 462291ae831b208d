package cn.ruralfund.budget.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One commitment or amendment (增减) of a project's budget; never updated. */
@Entity
@Table(name = "budget_revision")
public class BudgetRevision extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "project_id")
    public UUID projectId;
    public int revision;
    public BigDecimal previous;
    public BigDecimal committed;
    public BigDecimal change;
    public String reason;
    public OffsetDateTime at;
    public String actor;
}
