package cn.ruralfund.publicity.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An objection (异议) to an announcement, filed by anyone during its window; stored exactly as given. */
@Entity
@Table(name = "objection")
public class Objection extends PanacheEntityBase {

    /** The office's decision: 成立 (upheld) or 不成立 (dismissed). */
    public enum Decision {
        UPHELD, DISMISSED
    }

    @Id
    public UUID id;
    @Column(name = "announcement_id")
    public UUID announcementId;
    public String name;
    /** Never published. */
    public String contact;
    public String text;
    @Column(name = "client_address")
    public String clientAddress;
    @Column(name = "received_at")
    public OffsetDateTime receivedAt;
    @Enumerated(EnumType.STRING)
    public Decision decision;
    public String reasons;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;
}
