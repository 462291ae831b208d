package cn.ruralfund.acceptance.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One submission of an application, with the ids of the materials and invoices it carried (JSON lists). */
@Entity
@Table(name = "application_version")
public class ApplicationVersion extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "application_id")
    public UUID applicationId;
    public int version;
    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;
    @Column(name = "submitted_by")
    public String submittedBy;
    @com.fasterxml.jackson.annotation.JsonRawValue
    public String materials;
    @com.fasterxml.jackson.annotation.JsonRawValue
    public String invoices;
}
