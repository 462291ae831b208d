package cn.ruralfund.project.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** What project-service knows of a program of budget-service (from ProgramCreatedV1). */
@Entity
@Table(name = "program_ref")
public class ProgramRef extends PanacheEntityBase {

    @Id
    public UUID id;
    public String county;
    public int year;
    public String name;
    @Column(name = "period_start")
    public LocalDate periodStart;
    @Column(name = "period_end")
    public LocalDate periodEnd;
    @Column(name = "phase_codes")
    public String phaseCodes;

    public List<String> phases() {
        return phaseCodes.isEmpty() ? List.of() : Arrays.asList(phaseCodes.split(","));
    }
}
