package cn.ruralfund.acceptance.service;

import cn.ruralfund.platform.security.Actor;
import cn.ruralfund.acceptance.domain.ChecklistItem;
import cn.ruralfund.platform.audit.AuditTrail;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

/** The material checklist (申报材料清单) per task category: data the office edits; task {@code *} is the default. */
@ApplicationScoped
public class ChecklistService {

    private final AuditTrail audit;

    ChecklistService(AuditTrail audit) {
        this.audit = audit;
    }

    @WithSession
    public Uni<List<ChecklistItem>> get(String task) {
        return of(task);
    }

    /** The task's own list, else the default one. Needs a session. */
    static Uni<List<ChecklistItem>> of(String task) {
        return ChecklistItem.<ChecklistItem>list("task = ?1 order by position", task).chain(items -> items.isEmpty()
                ? ChecklistItem.list("task = ?1 order by position", ChecklistItem.DEFAULT_TASK) : Uni.createFrom().item(items));
    }

    /** Replaces the task's list (the office edits it as data). */
    @WithTransaction
    public Uni<List<ChecklistItem>> set(String task, Commands.SetChecklist cmd, Actor actor) {
        if (new HashSet<>(cmd.items().stream().map(Commands.ChecklistEntry::kind).toList()).size() != cmd.items().size()) {
            throw cn.ruralfund.platform.problem.ProblemException.invalid("duplicate-kind", "each material kind appears once in a checklist");
        }
        List<ChecklistItem> items = new ArrayList<>();
        for (int i = 0; i < cmd.items().size(); i++) {
            ChecklistItem c = new ChecklistItem();
            c.id = UUID.randomUUID();
            c.task = task;
            c.kind = cmd.items().get(i).kind();
            c.label = cmd.items().get(i).label();
            c.position = i + 1;
            items.add(c);
        }
        return ChecklistItem.delete("task", task)
                .chain(() -> io.quarkus.hibernate.reactive.panache.Panache.getSession())
                .chain(s -> s.flush())
                .chain(() -> ChecklistItem.persist(items))
                .chain(() -> audit.record(actor.name(), "checklist.set", "checklist", task, null, cmd))
                .replaceWith(items);
    }
}
