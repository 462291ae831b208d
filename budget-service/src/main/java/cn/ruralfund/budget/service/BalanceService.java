package cn.ruralfund.budget.service;

import cn.ruralfund.budget.domain.Balances;
import cn.ruralfund.budget.domain.LedgerEntry;
import cn.ruralfund.budget.domain.Program;
import cn.ruralfund.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Balances derived from the ledger per program, direction, project and enterprise, with the execution rate (T10). */
@ApplicationScoped
public class BalanceService {

    private final Ledger ledger;
    private final Access access;

    BalanceService(Ledger ledger, Access access) {
        this.ledger = ledger;
        this.access = access;
    }

    /** A program's balances, in total and per direction (a direction with no entry yet has zero balances). */
    public record ProgramBalances(Program program, Balances total, Map<UUID, Balances> byDirection) {
        public Balances of(UUID directionId) {
            return byDirection.getOrDefault(directionId, Balances.ZERO);
        }
    }

    @WithSession
    public Uni<ProgramBalances> program(UUID programId) {
        return Program.<Program>findById(programId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("program", programId))
                .call(p -> Mutiny.fetch(p.directions))
                .chain(p -> ledger.ofProgramAndDirections(programId)
                        .map(f -> new ProgramBalances(p, f.total(), f.byDirection())));
    }

    @WithSession
    public Uni<List<LedgerEntry>> programEntries(UUID programId) {
        return Program.<Program>findById(programId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("program", programId))
                .chain(p -> ledger.entriesOfProgram(programId));
    }

    @WithSession
    public Uni<Balances> project(UUID projectId) {
        return access.project(projectId).chain(p -> ledger.ofProject(projectId));
    }

    @WithSession
    public Uni<List<LedgerEntry>> projectEntries(UUID projectId) {
        return access.project(projectId).chain(p -> ledger.entriesOfProject(projectId));
    }

    @WithSession
    public Uni<Balances> enterprise(String creditCode) {
        access.checkEnterprise(creditCode);
        return ledger.ofEnterprise(creditCode);
    }
}
