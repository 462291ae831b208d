package cn.ruralfund.reporting.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** R16: an enterprise owes a monthly sales report for each month from firstPeriod to lastPeriod, due on dueDay of the next month. */
@Entity
@Table(name = "reporting_obligation")
public class ReportingObligation extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "enterprise_code")
    public String enterpriseCode;
    /** The township the reports concern, or null for all the enterprise's sales. */
    public String township;
    @Column(name = "first_period")
    public LocalDate firstPeriod;
    @Column(name = "last_period")
    public LocalDate lastPeriod;
    @Column(name = "due_day")
    public int dueDay;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
