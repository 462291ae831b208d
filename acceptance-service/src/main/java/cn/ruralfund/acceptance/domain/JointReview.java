package cn.ruralfund.acceptance.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** 会审: the Finance Bureau's opinion in the joint review with the office. */
@Entity
@Table(name = "joint_review")
public class JointReview extends PanacheEntityBase {
    @Id
    public UUID id;
    /** Order of recording (the clock may give two reviews the same instant). */
    @Column(insertable = false, updatable = false)
    public Long seq;
    @Column(name = "application_id")
    public UUID applicationId;
    public String reviewer;
    public boolean agrees;
    public String opinion;
    /** Set when an upheld objection reopened the conclusion: the next conclusion needs a new joint review. */
    public boolean superseded;
    @Column(name = "reviewed_at")
    public OffsetDateTime reviewedAt;
}
