package cn.ruralfund.acceptance.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** 初审: the office finds a submitted version complete, or incomplete with the missing items (JSON list). */
@Entity
@Table(name = "initial_review")
public class InitialReview extends PanacheEntityBase {
    @Id
    public UUID id;
    /** Order of recording (the clock may give two reviews the same instant). */
    @Column(insertable = false, updatable = false)
    public Long seq;
    @Column(name = "application_id")
    public UUID applicationId;
    public int version;
    public boolean complete;
    @com.fasterxml.jackson.annotation.JsonRawValue
    public String missing;
    public String note;
    public String reviewer;
    @Column(name = "reviewed_at")
    public OffsetDateTime reviewedAt;
}
