package cn.ruralfund.acceptance.storage;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The bytes of one material in PostgreSQL (bytea). */
@Entity
@Table(name = "material_blob")
public class MaterialBlob extends PanacheEntityBase {
    @Id
    @Column(name = "key")
    public String storeKey;
    public byte[] content;
}
