package cn.ruralfund.acceptance.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An acceptance-team member's declared conflict of interest (利益冲突) with an enterprise: they may not review its projects. */
@Entity
@Table(name = "conflict_declaration")
public class ConflictDeclaration extends PanacheEntityBase {
    @Id
    public UUID id;
    public String member;
    @Column(name = "enterprise_code")
    public String enterpriseCode;
    public String reason;
    @Column(name = "declared_at")
    public OffsetDateTime declaredAt;
}
