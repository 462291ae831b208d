package cn.ruralfund.acceptance.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A named member (principal name) of the acceptance team (验收小组) of one application. */
@Entity
@Table(name = "team_member")
public class TeamMember extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "application_id")
    public UUID applicationId;
    public String member;
    @Column(name = "assigned_by")
    public String assignedBy;
    @Column(name = "assigned_at")
    public OffsetDateTime assignedAt;
}
