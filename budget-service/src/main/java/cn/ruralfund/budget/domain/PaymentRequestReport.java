package cn.ruralfund.budget.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** 请款报告 (R7): one generated version of a disbursement's payment request report, as HTML and PDF with their checksums. */
@Entity
@Table(name = "payment_request_report")
public class PaymentRequestReport extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "disbursement_id")
    public UUID disbursementId;
    public int version;
    public String html;
    public byte[] pdf;
    @Column(name = "html_sha256")
    public String htmlSha256;
    @Column(name = "pdf_sha256")
    public String pdfSha256;
    @Column(name = "generated_at")
    public OffsetDateTime generatedAt;
    @Column(name = "generated_by")
    public String generatedBy;
}
