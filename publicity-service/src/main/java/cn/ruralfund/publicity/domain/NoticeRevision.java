package cn.ruralfund.publicity.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/** One published version of a notice (R6): what was published, when and by whom; never changed (a database trigger refuses it). */
@Entity
@Table(name = "notice_revision")
@IdClass(NoticeRevision.Key.class)
public class NoticeRevision extends PanacheEntityBase {

    @Id
    @Column(name = "notice_id")
    public UUID noticeId;
    @Id
    public int revision;
    /** PUBLISHED, CORRECTED or WITHDRAWN */
    public String action;
    public String title;
    public String body;
    public String reason;
    @Column(name = "by_whom")
    public String byWhom;
    public OffsetDateTime at;

    public static class Key implements Serializable {
        public UUID noticeId;
        public int revision;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(noticeId, k.noticeId) && revision == k.revision;
        }

        @Override
        public int hashCode() {
            return Objects.hash(noticeId, revision);
        }
    }
}
