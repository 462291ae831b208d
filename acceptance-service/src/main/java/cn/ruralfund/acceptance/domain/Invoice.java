package cn.ruralfund.acceptance.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An invoice (发票) claimed by an application; the same 发票代码 + 发票号码 claimed elsewhere is a duplicate claim (R15). */
@Entity
@Table(name = "invoice")
public class Invoice extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "application_id")
    public UUID applicationId;
    @Column(name = "project_id")
    public UUID projectId;
    /** 发票代码. */
    @Column(name = "invoice_code")
    public String code;
    /** 发票号码. */
    @Column(name = "invoice_number")
    public String number;
    @Column(name = "issued_on")
    public LocalDate issuedOn;
    public String seller;
    public BigDecimal amount;
    @Column(name = "recorded_by")
    public String recordedBy;
    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;
}
