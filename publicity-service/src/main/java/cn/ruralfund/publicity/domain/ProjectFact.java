package cn.ruralfund.publicity.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** What publicity-service knows of a demonstration project (示范项目), from project-registered. */
@Entity
@Table(name = "project_fact")
public class ProjectFact extends PanacheEntityBase {
    @Id
    @Column(name = "project_id")
    public UUID projectId;
    @Column(name = "program_id")
    public UUID programId;
    public String name;
    @Column(name = "enterprise_code")
    public String enterpriseCode;
    @Column(name = "enterprise_name")
    public String enterpriseName;
    public String task;
}
