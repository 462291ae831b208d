package cn.ruralfund.acceptance.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A supporting material (证明材料) of an application: its metadata; the bytes lie in a MaterialStore under storeKey. */
@Entity
@Table(name = "material")
public class Material extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "application_id")
    public UUID applicationId;
    /** A checklist kind, e.g. CONTRACT, INVOICE, PHOTO. */
    public String kind;
    public String name;
    @Column(name = "declared_type")
    public String declaredType;
    /** The type found in the content's leading bytes, never taken from the name. */
    @Column(name = "detected_type")
    public String detectedType;
    public long size;
    public String sha256;
    public String storage;
    @Column(name = "store_key")
    public String storeKey;
    /** The application version the material was first submitted with. */
    @Column(name = "added_in")
    public int addedIn;
    @Column(name = "uploaded_by")
    public String uploadedBy;
    @Column(name = "uploaded_at")
    public OffsetDateTime uploadedAt;
}
