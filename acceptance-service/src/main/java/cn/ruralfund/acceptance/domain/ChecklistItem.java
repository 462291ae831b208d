package cn.ruralfund.acceptance.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** One material kind an application of a task must carry (data the office edits; task {@code *} is the default list). */
@Entity
@Table(name = "checklist_item")
public class ChecklistItem extends PanacheEntityBase {
    public static final String DEFAULT_TASK = "*";
    @Id
    public UUID id;
    public String task;
    public String kind;
    public String label;
    public int position;
}
