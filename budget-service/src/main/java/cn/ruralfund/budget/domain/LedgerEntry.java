package cn.ruralfund.budget.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One movement of money (allot, commit, release, pre-disburse, pay, recover); never updated, never deleted. */
@Entity
@Table(name = "ledger_entry")
public class LedgerEntry extends PanacheEntityBase {

    public enum Kind { ALLOT, COMMIT, RELEASE, PRE_DISBURSE, PAY, RECOVER }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public OffsetDateTime at;
    @Column(name = "program_id")
    public UUID programId;
    @Column(name = "direction_id")
    public UUID directionId;
    @Column(name = "project_id")
    public UUID projectId;
    @Column(name = "enterprise_code")
    public String enterpriseCode;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    public BigDecimal amount;
    public String reference;
    public String actor;
}
