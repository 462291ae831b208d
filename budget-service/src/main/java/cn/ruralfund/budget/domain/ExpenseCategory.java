package cn.ruralfund.budget.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A category of expense lines, as data; the prohibited uses of R1 are seeded and can never be enabled. */
@Entity
@Table(name = "expense_category")
public class ExpenseCategory extends PanacheEntityBase {
    @Id
    public String code;
    public String name;
    public boolean prohibited;
    public boolean enabled;
    public String rule;
}
