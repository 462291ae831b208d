package cn.ruralfund.project.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A task of a program direction, e.g. rural cold-chain storage; 先建后补 (R20) and 责任单位 are data. */
@Entity
@Table(name = "task")
public class Task extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "program_id")
    public UUID programId;
    @Column(name = "direction_id")
    public UUID directionId;
    public String name;
    public String category;
    @Column(name = "build_first_subsidise_after")
    public boolean buildFirstSubsidiseAfter;
    @Column(name = "responsible_units")
    public String responsibleUnits;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "created_by")
    public String createdBy;

    public List<String> units() {
        return Lines.split(responsibleUnits);
    }
}
