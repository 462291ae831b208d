package cn.ruralfund.project.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A violation confirmed by the office (R11): 弄虚作假, 截留, 挪用, 挤占. */
@Entity
@Table(name = "violation")
public class Violation extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "enterprise_id")
    public UUID enterpriseId;
    @Column(name = "project_id")
    public UUID projectId;
    public String kind;
    public String detail;
    @Column(name = "confirmed_at")
    public OffsetDateTime confirmedAt;
    @Column(name = "confirmed_by")
    public String confirmedBy;
}
