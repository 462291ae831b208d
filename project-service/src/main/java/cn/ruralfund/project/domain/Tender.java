package cn.ruralfund.project.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A public tender (招标) for a task; awarded to one bidding enterprise (F5, R17). */
@Entity
@Table(name = "tender")
public class Tender extends PanacheEntityBase {

    public enum Status { OPEN, AWARDED }

    @Id
    public UUID id;
    @Column(name = "task_id")
    public UUID taskId;
    public String title;
    public String reference;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "awarded_bid_id")
    public UUID awardedBidId;
    @Column(name = "awarded_enterprise")
    public UUID awardedEnterprise;
    @Column(name = "award_amount")
    public BigDecimal awardAmount;
    @Column(name = "award_date")
    public LocalDate awardDate;
    @Column(name = "award_reference")
    public String awardReference;
}
