package cn.ruralfund.acceptance.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** 实地评审 by one team member: findings per item (JSON list) and whether what was built matches the materials. */
@Entity
@Table(name = "on_site_review")
public class OnSiteReview extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "application_id")
    public UUID applicationId;
    public String member;
    @Column(name = "matches_materials")
    public boolean matchesMaterials;
    @com.fasterxml.jackson.annotation.JsonRawValue
    public String findings;
    @Column(name = "reviewed_at")
    public OffsetDateTime reviewedAt;
}
