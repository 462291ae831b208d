package cn.ruralfund.budget.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Money recovered against a recovery order. */
@Entity
@Table(name = "recovery_receipt")
public class RecoveryReceipt extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "recovery_id")
    public UUID recoveryId;
    public BigDecimal amount;
    @Column(name = "received_on")
    public LocalDate receivedOn;
    @Column(name = "voucher_number")
    public String voucherNumber;
    @Column(name = "idempotency_key")
    public String idempotencyKey;
    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;
    @Column(name = "recorded_by")
    public String recordedBy;
}
