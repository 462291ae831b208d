package cn.ruralfund.reporting.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.util.UUID;

/** One row of a program's performance target table (绩效目标表). */
@Entity
@Table(name = "target_indicator")
public class TargetIndicator extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "program_id")
    public UUID programId;
    /** e.g. T3; unique in the program. */
    public String code;
    /** 一级指标: OUTPUT 产出, BENEFIT 效益, SATISFACTION 满意度, EXECUTION 预算执行率. */
    public String level1;
    /** 二级指标: QUANTITY 数量, QUALITY 质量, TIMELINESS 时效, COST 成本, ECONOMIC 经济, SOCIAL 社会, ECOLOGICAL 生态, SUSTAINABLE 可持续, SATISFACTION 服务对象满意度, EXECUTION. */
    public String level2;
    /** 三级指标. */
    public String name;
    public String unit;
    /** AT_LEAST (≥) or AT_MOST (≤). */
    public String comparison;
    @Column(name = "target_value")
    public BigDecimal targetValue;
    /** 分值. */
    public BigDecimal points;
    /** A {@link MetricSource} name. */
    public String source;
    /** For BRANDS_OVER_THRESHOLD: the annual online sales a brand must reach, in yuan. */
    public BigDecimal threshold;
    @Column(name = "manual_value")
    public BigDecimal manualValue;
    /** For a manual value: the file or link that proves it. */
    public String evidence;
    /** 偏差原因分析及改进措施, filled in by officials. */
    @Column(name = "deviation_explanation")
    public String deviationExplanation;
    public int sort;
    /** For ACCEPTED_PROJECTS_OF_TASK: words a project's task or budget-line category must contain, separated by |. */
    @Column(name = "project_match")
    public String projectMatch;
    /** Who entered the manual value, and when. */
    @Column(name = "entered_by")
    public String enteredBy;
    @Column(name = "entered_at")
    public java.time.OffsetDateTime enteredAt;
}
