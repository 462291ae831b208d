package cn.ruralfund.project.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An undertaking enterprise (承办企业, F5) with its dedicated fund account (专用资金账户). */
@Entity
@Table(name = "enterprise")
public class Enterprise extends PanacheEntityBase {

    public enum Status { ACTIVE, DISQUALIFIED }

    @Id
    public UUID id;
    @Column(name = "credit_code")
    public String creditCode;
    public String name;
    @Column(name = "legal_representative")
    public String legalRepresentative;
    public String contact;
    @Column(name = "fund_bank")
    public String fundBank;
    @Column(name = "fund_account_name")
    public String fundAccountName;
    @Column(name = "fund_account_number")
    public String fundAccountNumber;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Status status;
    @Column(name = "status_reason")
    public String statusReason;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "created_by")
    public String createdBy;

    public boolean disqualified() {
        return status == Status.DISQUALIFIED;
    }
}
