package cn.ruralfund.reporting.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An agricultural brand (农产品品牌) of a program, owned by one undertaking enterprise. */
@Entity
@Table(name = "brand")
public class Brand extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "program_id")
    public UUID programId;
    public String name;
    /** The owning enterprise's unified social credit code. */
    @Column(name = "enterprise_code")
    public String enterpriseCode;
    /** 区域公共品牌 (T1). */
    @Column(name = "regional_public_brand")
    public boolean regionalPublicBrand;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
