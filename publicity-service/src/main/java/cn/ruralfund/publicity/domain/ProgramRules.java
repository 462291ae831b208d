package cn.ruralfund.publicity.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A program's rules that publicity-service enforces (from budget-service's {@code program-rules-set}): its window length (R5). */
@Entity
@Table(name = "program_rules")
public class ProgramRules extends PanacheEntityBase {
    @Id
    @Column(name = "program_id")
    public UUID programId;
    /** 公示期: working days, never below 5. */
    @Column(name = "publicity_working_days")
    public int publicityWorkingDays;
    @Column(name = "source_event_id")
    public String sourceEventId;
    @Column(name = "received_at")
    public OffsetDateTime receivedAt;
}
