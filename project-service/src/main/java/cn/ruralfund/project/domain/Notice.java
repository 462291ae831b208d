package cn.ruralfund.project.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A notice with a deadline: a rectification notice (整改通知书) for a serious delay (R12), an
 * inspection or accident finding (R13) or a performance finding (R14), or a data-reporting notice
 * (R16). Closed by the office in time, or expired: an expired rectification notice disqualifies the
 * enterprise for the project.
 */
@Entity
@Table(name = "notice")
public class Notice extends PanacheEntityBase {

    public enum Kind {
        PROGRESS_DELAY("R12", true),
        INSPECTION("R13", true),
        ACCIDENT("R13", true),
        PERFORMANCE("R14", true),
        DATA_REPORTING("R16", false);

        public final String rule;
        /** Whether an expired notice of this kind disqualifies the enterprise for the project. */
        public final boolean disqualifiesWhenExpired;

        Kind(String rule, boolean disqualifiesWhenExpired) {
            this.rule = rule;
            this.disqualifiesWhenExpired = disqualifiesWhenExpired;
        }
    }

    public enum Status { OPEN, CLOSED, EXPIRED }

    /** R13: an inspection or accident finding answers whether it is serious; only a serious one disqualifies on expiry. */
    public static boolean needsSeverity(Kind kind) {
        return kind == Kind.INSPECTION || kind == Kind.ACCIDENT;
    }

    @Id
    public UUID id;
    @Column(name = "enterprise_id")
    public UUID enterpriseId;
    @Column(name = "project_id")
    public UUID projectId;
    @Column(name = "deviation_id")
    public UUID deviationId;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    public String reason;
    public LocalDate deadline;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "issued_at")
    public OffsetDateTime issuedAt;
    @Column(name = "issued_by")
    public String issuedBy;
    /** The enterprise's causes of the delay and its remedial measures (R12). */
    public String causes;
    public String measures;
    @Column(name = "responded_at")
    public OffsetDateTime respondedAt;
    @Column(name = "closed_at")
    public OffsetDateTime closedAt;
    @Column(name = "closed_by")
    public String closedBy;
    public String remark;
    /** R13 only: whether the finding is serious (重大); accountability always, disqualification only when serious. */
    public Boolean serious;

    /** Whether this notice, expired, disqualifies the enterprise (R12, R14 always; R13 when serious; R16 never). */
    public boolean disqualifiesWhenExpired() {
        return kind.disqualifiesWhenExpired && (!needsSeverity(kind) || Boolean.TRUE.equals(serious));
    }
    /** The id of the event that raised it (R16), so a redelivered signal raises no second notice. */
    @Column(name = "source_event")
    public String sourceEvent;
}
