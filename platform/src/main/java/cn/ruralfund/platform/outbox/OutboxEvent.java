package cn.ruralfund.platform.outbox;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A CloudEvent waiting in the service's own database to be published; written in the transaction of the change it announces. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    /** Publication order. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    @Column(name = "event_id", nullable = false, unique = true)
    public UUID eventId;

    @Column(nullable = false)
    public String topic;

    /** The Kafka record key: the aggregate id (CloudEvent subject). */
    @Column(name = "event_key", nullable = false)
    public String key;

    @Column(nullable = false)
    public String type;

    /** The whole CloudEvent, as published. */
    @Column(nullable = false)
    public String payload;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "sent_at")
    public OffsetDateTime sentAt;

    /** Set when the broker refused the event for good (e.g. too large): kept for the operator, skipped by the relay. */
    @Column(name = "parked_at")
    public OffsetDateTime parkedAt;

    @Column(name = "park_reason")
    public String parkReason;
}
