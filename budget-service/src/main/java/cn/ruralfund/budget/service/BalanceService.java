package cn.ruralfund.budget.service;

import cn.ruralfund.budget.domain.Balances;
import cn.ruralfund.budget.domain.LedgerEntry;
import cn.ruralfund.budget.domain.Program;
import cn.ruralfund.budget.rest.Views;
import cn.ruralfund.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.List;
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

    @WithSession
    public Uni<Views.ProgramBalances> program(UUID programId) {
        return Program.<Program>findById(programId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("program", programId))
                .call(p -> Mutiny.fetch(p.directions))
                .chain(p -> ledger.ofProgram(programId).chain(total -> ledger.ofDirections(programId).map(byDirection ->
                        new Views.ProgramBalances(p.id, p.name, Views.BalancesView.of(total), p.total.subtract(p.allocated()),
                                p.directions.stream().map(d -> new Views.DirectionBalances(d.id, d.name,
                                        Views.BalancesView.of(byDirection.getOrDefault(d.id, Balances.ZERO)))).toList()))));
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
