package cn.ruralfund.project.service;

import cn.ruralfund.platform.contracts.AllocationSetV1;
import cn.ruralfund.platform.contracts.ProgramCreatedV1;
import cn.ruralfund.project.domain.DirectionRef;
import cn.ruralfund.project.domain.ProgramRef;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The read model of budget-service's programs and directions (F2): what a project may be registered under. */
@ApplicationScoped
public class DirectionService {

    /** Inside the consumer's transaction; a redelivered or replayed event changes nothing. */
    public Uni<Void> apply(ProgramCreatedV1 created) {
        return ProgramRef.<ProgramRef>findById(created.programId()).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().voidItem();
            }
            ProgramRef p = new ProgramRef();
            p.id = created.programId();
            p.county = created.county();
            p.year = created.year();
            p.name = created.name();
            p.periodStart = created.periodStart().atDay(1);
            p.periodEnd = created.periodEnd().atEndOfMonth();
            p.phaseCodes = created.phases() == null ? "" : created.phases().stream().map(ProgramCreatedV1.Phase::code).collect(Collectors.joining(","));
            Uni<Void> chain = p.persist().replaceWithVoid();
            for (ProgramCreatedV1.Direction d : created.directions()) {
                DirectionRef ref = new DirectionRef();
                ref.id = d.directionId();
                ref.programId = p.id;
                ref.name = d.name();
                ref.allocation = d.allocation();
                chain = chain.chain(() -> ref.persist().replaceWithVoid());
            }
            return chain;
        });
    }

    public Uni<Void> apply(AllocationSetV1 set) {
        return DirectionRef.<DirectionRef>findById(set.directionId(), LockModeType.PESSIMISTIC_WRITE)
                .invoke(d -> {
                    if (d != null) {
                        d.allocation = set.allocation();
                    }
                }).replaceWithVoid();
    }

    public record Known(ProgramRef program, DirectionRef direction) {
    }

    @WithSession
    public Uni<List<Known>> list() {
        return ProgramRef.<ProgramRef>listAll().chain(programs -> DirectionRef.<DirectionRef>list("order by name").map(directions -> {
            Map<UUID, ProgramRef> byId = programs.stream().collect(Collectors.toMap(p -> p.id, Function.identity()));
            return directions.stream().filter(d -> byId.containsKey(d.programId)).map(d -> new Known(byId.get(d.programId), d)).toList();
        }));
    }
}
