package cn.ruralfund.project.service;

import cn.ruralfund.platform.security.Actor;
import cn.ruralfund.platform.audit.AuditTrail;
import cn.ruralfund.platform.problem.ProblemException;
import cn.ruralfund.platform.time.PlatformClock;
import cn.ruralfund.project.domain.DirectionRef;
import cn.ruralfund.project.domain.Lines;
import cn.ruralfund.project.domain.Task;
import cn.ruralfund.project.service.Requests.CreateTask;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/** Tasks of a program direction (e.g. 冷链仓储), with their 先建后补 mode (R20) and responsible units, as data. */
@ApplicationScoped
public class TaskService {

    private final AuditTrail audit;
    private final PlatformClock clock;

    TaskService(AuditTrail audit, PlatformClock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Task> create(CreateTask request, Actor actor) {
        return DirectionRef.<DirectionRef>findById(request.directionId()).chain(direction -> {
            if (direction == null || !direction.programId.equals(request.programId())) {
                throw ProblemException.rule("unknown-program-direction", "Unknown program direction",
                        "direction " + request.directionId() + " of program " + request.programId()
                                + " is not known: a task can only be set up under a direction of an existing program (F2)");
            }
            return Task.count("directionId = ?1 and name = ?2", direction.id, request.name().strip());
        }).chain(existing -> {
            if (existing > 0) {
                throw ProblemException.conflict("duplicate-task", "Task exists", "the direction already has a task " + request.name());
            }
            Task t = new Task();
            t.id = UUID.randomUUID();
            t.programId = request.programId();
            t.directionId = request.directionId();
            t.name = request.name().strip();
            t.category = request.category().strip();
            t.buildFirstSubsidiseAfter = request.buildFirstSubsidiseAfter();
            t.responsibleUnits = Lines.join(request.responsibleUnits());
            t.createdAt = clock.now();
            t.createdBy = actor.name();
            return t.persist().chain(() -> audit.record(actor.name(), "task.created", "task", t.id, "task set up", request)).replaceWith(t);
        });
    }

    @WithSession
    public Uni<List<Task>> list() {
        return Task.list("order by createdAt");
    }

    @WithSession
    public Uni<Task> find(UUID id) {
        return get(id);
    }

    public static Uni<Task> get(UUID id) {
        return Task.<Task>findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("task", id));
    }
}
