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

/**
 * A public notice (公告) made from another service's event: a tender award (R17), a disqualification (R11–R15), a
 * rectification notice / public criticism (R12–R16), a confirmed violation (R11, R15) or a failed acceptance. Its title and body are the current revision; every revision
 * stays in {@link NoticeRevision}.
 */
@Entity
@Table(name = "public_notice")
public class PublicNotice extends PanacheEntityBase {

    public enum Kind {
        /** 中标公告 (R17) */
        TENDER_AWARD,
        /** 取消承办资格 (R11) */
        DISQUALIFICATION,
        /** 整改通知 / 通报批评 (R12–R16) */
        RECTIFICATION,
        /** 违规处理通报: a confirmed violation (R11) or false / duplicate subsidy claim (R15), public criticism */
        VIOLATION,
        /** 验收不合格公告: a failed acceptance (R4, R8); a pass is announced with its publicity window instead */
        ACCEPTANCE_RESULT,
        /** 验收申报: an application for acceptance submitted (R17: 申报 made public) */
        APPLICATION,
        /** 验收评审: a review step of an application, initial, on-site or joint (R17: 评审 made public) */
        REVIEW
    }

    public enum Status {
        PUBLISHED, CORRECTED, WITHDRAWN
    }

    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    public String rule;
    @Column(name = "program_id")
    public UUID programId;
    @Column(name = "project_id")
    public UUID projectId;
    @Column(name = "enterprise_code")
    public String enterpriseCode;
    public String title;
    public String body;
    @Column(name = "source_event_id")
    public String sourceEventId;
    @Enumerated(EnumType.STRING)
    public Status status;
    public int revision;
    @Column(name = "published_at")
    public OffsetDateTime publishedAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
}
