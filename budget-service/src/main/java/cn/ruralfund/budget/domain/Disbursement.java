package cn.ruralfund.budget.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A disbursement request (请款): requested by the office, approved once by the leading group, paid once by Finance. */
@Entity
@Table(name = "disbursement")
public class Disbursement extends PanacheEntityBase {

    /** Requested (请款), approved once by the leading group (批示), paid once by Finance, or cancelled when the project stops. */
    public enum Status { REQUESTED, APPROVED, PAID, CANCELLED }

    @Id
    public UUID id;
    @Column(name = "project_id")
    public UUID projectId;
    /** {@code PRE_DISBURSEMENT} or {@code ACCEPTANCE_PAYMENT}: {@link ProjectFunds.Kind} by name. */
    @Enumerated(EnumType.STRING)
    public ProjectFunds.Kind kind;
    public BigDecimal amount;
    @Enumerated(EnumType.STRING)
    public Status status;
    public String purpose;
    @Column(name = "idempotency_key")
    public String idempotencyKey;
    @Column(name = "requested_at")
    public OffsetDateTime requestedAt;
    @Column(name = "requested_by")
    public String requestedBy;
    @Column(name = "approved_at")
    public OffsetDateTime approvedAt;
    @Column(name = "approved_by")
    public String approvedBy;
    @Column(name = "approval_comment")
    public String approvalComment;
    @Column(name = "approval_key")
    public String approvalKey;
    @Column(name = "paid_on")
    public LocalDate paidOn;
    @Column(name = "voucher_number")
    public String voucherNumber;
    @Column(name = "bank_name")
    public String bankName;
    @Column(name = "account_number")
    public String accountNumber;
    @Column(name = "paid_at")
    public OffsetDateTime paidAt;
    @Column(name = "paid_by")
    public String paidBy;
    @Column(name = "payment_key")
    public String paymentKey;
    @Column(name = "cancelled_reason")
    public String cancelledReason;
    /** R2: the progress reported when a pre-disbursement was requested, and whether the money ran ahead of it. */
    @Column(name = "progress_percent")
    public BigDecimal progressPercent;
    @Column(name = "progress_reported_on")
    public LocalDate progressReportedOn;
    @Column(name = "ahead_of_progress")
    public boolean aheadOfProgress;

    public boolean live() {
        return status == Status.REQUESTED || status == Status.APPROVED;
    }
}
