package cn.ruralfund.budget.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A project's budget committed against a direction, and its money so far: the row every money decision of the project locks. */
@Entity
@Table(name = "project_budget")
public class ProjectBudget extends PanacheEntityBase {

    /** Committed (核定), refused by budget-service (recorded for the record), or stopped (止付) by a failure or disqualification. */
    public enum Status { COMMITTED, REFUSED, STOPPED }

    @Id
    @Column(name = "project_id")
    public UUID projectId;
    @Column(name = "program_id")
    public UUID programId;
    @Column(name = "direction_id")
    public UUID directionId;
    @Column(name = "project_name")
    public String projectName;
    public String task;
    @Column(name = "build_first")
    public boolean buildFirst;
    @Column(name = "enterprise_code")
    public String enterpriseCode;
    @Column(name = "enterprise_name")
    public String enterpriseName;
    @Column(name = "bank_name")
    public String bankName;
    @Column(name = "account_name")
    public String accountName;
    @Column(name = "account_number")
    public String accountNumber;
    public BigDecimal requested;
    /** R2: the latest progress the enterprise reported (percent done), and its date. */
    @Column(name = "progress_percent")
    public BigDecimal progressPercent;
    @Column(name = "progress_reported_on")
    public java.time.LocalDate progressReportedOn;
    /** R7: the pre-disbursement cap of the project's program, in percent, fixed when the budget was committed. */
    @Column(name = "pre_disbursement_cap_percent")
    public int preDisbursementCapPercent;
    public BigDecimal committed;
    @Column(name = "pre_requested")
    public BigDecimal preRequested;
    @Column(name = "acceptance_requested")
    public BigDecimal acceptanceRequested;
    public BigDecimal paid;
    public BigDecimal recovered;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "status_reason")
    public String statusReason;
    public int revision;
    @Column(name = "registered_at")
    public OffsetDateTime registeredAt;

    public ProjectFunds funds() {
        return new ProjectFunds(committed, preRequested, acceptanceRequested, paid, recovered, buildFirst, preDisbursementCapPercent,
                status == Status.STOPPED);
    }

    public void take(ProjectFunds f) {
        committed = f.committed();
        preRequested = f.preRequested();
        acceptanceRequested = f.acceptanceRequested();
        paid = f.paid();
        recovered = f.recovered();
        if (f.stopped()) {
            status = Status.STOPPED;
        }
    }
}
