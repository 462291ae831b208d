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

/** R14, 绩效评价: the office's evaluation of a project against its performance targets, with the evidence. */
@Entity
@Table(name = "performance_evaluation")
public class PerformanceEvaluation extends PanacheEntityBase {

    public enum Outcome {
        /** 达到: acceptance may proceed. */
        MET,
        /** 未完全达到: acceptance is postponed to a new date. */
        PARTIALLY_MET,
        /** 明显未达到: a rectification notice; not rectified by its deadline, disqualification. */
        NOT_MET
    }

    @Id
    public UUID id;
    @Column(name = "project_id")
    public UUID projectId;
    @Enumerated(EnumType.STRING)
    public Outcome outcome;
    public String evidence;
    @Column(name = "acceptance_postponed_to")
    public LocalDate acceptancePostponedTo;
    @Column(name = "notice_id")
    public UUID noticeId;
    @Column(name = "evaluated_at")
    public OffsetDateTime evaluatedAt;
    @Column(name = "evaluated_by")
    public String evaluatedBy;
}
