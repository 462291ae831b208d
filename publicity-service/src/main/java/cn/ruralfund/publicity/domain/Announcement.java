package cn.ruralfund.publicity.domain;

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
 * An announcement (公示) on the government portal with its publicity window (R5). Its title, body and window are what
 * was published and never change; closing adds the outcome.
 */
@Entity
@Table(name = "announcement")
public class Announcement extends PanacheEntityBase {

    public enum Kind {
        /** A project that passed acceptance (验收合格), before it is paid (R7). */
        ACCEPTANCE
    }

    public enum Status {
        OPEN, CLOSED
    }

    /** How a window closed: 无异议, 异议不成立 (all dismissed), 异议成立 (at least one upheld). */
    public enum Outcome {
        NO_OBJECTION, OBJECTIONS_DISMISSED, OBJECTION_UPHELD
    }

    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    @Column(name = "project_id")
    public UUID projectId;
    @Column(name = "program_id")
    public UUID programId;
    public String title;
    public String body;
    @Column(name = "published_on")
    public LocalDate publishedOn;
    @Column(name = "published_at")
    public OffsetDateTime publishedAt;
    @Column(name = "ends_on")
    public LocalDate endsOn;
    @Column(name = "working_days")
    public int workingDays;
    public String counting;
    /** The window as computed (JSON): local days and State Council notices used. */
    public String calendar;
    @Column(name = "source_event_id")
    public String sourceEventId;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Enumerated(EnumType.STRING)
    public Outcome outcome;
    @Column(name = "closed_on")
    public LocalDate closedOn;
    @Column(name = "closed_at")
    public OffsetDateTime closedAt;
    @Column(name = "closed_by")
    public String closedBy;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    /** Where the window's length came from: {@code PROGRAM_RULES} or {@code OFFICE_SETTING} (no rule of the program known). */
    @Column(name = "length_from")
    public String lengthFrom;
    /** The day the office was warned that this window ends with undecided objections ({@code publicity-closing-soon}). */
    @Column(name = "closing_warned_on")
    public LocalDate closingWarnedOn;

    /** Whether objections are received on {@code today}: from the day of publication to the end of the last day. */
    public boolean receivesObjectionsOn(LocalDate today) {
        return status == Status.OPEN && !today.isBefore(publishedOn) && !today.isAfter(endsOn);
    }
}
