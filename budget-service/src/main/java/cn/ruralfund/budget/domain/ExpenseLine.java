package cn.ruralfund.budget.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A line of a project's budget, in a category. */
@Entity
@Table(name = "expense_line")
public class ExpenseLine extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "project_id")
    public UUID projectId;
    public String category;
    public String description;
    public BigDecimal amount;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "created_by")
    public String createdBy;
}
