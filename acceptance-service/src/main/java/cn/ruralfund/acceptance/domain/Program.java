package cn.ruralfund.acceptance.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What acceptance-service knows of a fund program (from budget-service): the end of its period, the default acceptance
 * deadline, and the smallest acceptance team its plan allows (R4, from program-rules-set; null until heard).
 */
@Entity
@Table(name = "program")
public class Program extends PanacheEntityBase {
    @Id
    public UUID id;
    public String name;
    /** The county (辖区) whose officials see the program's projects and applications. */
    public String county;
    @Column(name = "period_end")
    public LocalDate periodEnd;
    @Column(name = "acceptance_team_minimum")
    public Integer acceptanceTeamMinimum;
}
