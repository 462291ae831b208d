package cn.ruralfund.publicity.calendar;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A prefecture day off or make-up working day (e.g. 泼水节), overriding the national schedule. */
@Entity
@Table(name = "local_calendar_day")
public class LocalCalendarDay extends PanacheEntityBase {
    @Id
    public LocalDate day;
    @Column(name = "off_day")
    public boolean offDay;
    public String name;
    @Column(name = "entered_by")
    public String enteredBy;
    @Column(name = "entered_at")
    public OffsetDateTime enteredAt;
}
