package cn.ruralfund.budget.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An order to recover money paid to a project (追回, R8, R11, R15). */
@Entity
@Table(name = "recovery_order")
public class RecoveryOrder extends PanacheEntityBase {
    public enum Status { OPEN, COMPLETED }

    @Id
    public UUID id;
    @Column(name = "project_id")
    public UUID projectId;
    @Column(name = "enterprise_code")
    public String enterpriseCode;
    public String rule;
    public String cause;
    @Column(name = "cause_ref")
    public String causeRef;
    public BigDecimal amount;
    public BigDecimal recovered;
    @Enumerated(EnumType.STRING)
    public Status status;
    public String reason;
    @Column(name = "ordered_at")
    public OffsetDateTime orderedAt;
    @Column(name = "completed_at")
    public OffsetDateTime completedAt;

    public BigDecimal outstanding() {
        return amount.subtract(recovered);
    }
}
