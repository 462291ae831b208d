package cn.ruralfund.budget.service;

import cn.ruralfund.platform.money.Money;
import cn.ruralfund.budget.domain.Direction;
import cn.ruralfund.budget.domain.Phase;
import cn.ruralfund.budget.domain.Program;
import cn.ruralfund.platform.audit.AuditTrail;
import cn.ruralfund.platform.contracts.ProgramCreatedV1;
import cn.ruralfund.platform.contracts.ProgramRulesSetV1;
import cn.ruralfund.platform.outbox.Outbox;
import cn.ruralfund.platform.problem.ProblemException;
import cn.ruralfund.platform.time.PlatformClock;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

/** Sets up programs and their allocation tables (F1–F3); the sum of allocations never exceeds the total. */
@ApplicationScoped
public class ProgramService {

    private final Outbox outbox;
    private final AuditTrail audit;
    private final PlatformClock clock;
    private final Ledger ledger;

    ProgramService(Outbox outbox, AuditTrail audit, PlatformClock clock, Ledger ledger) {
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
        this.ledger = ledger;
    }

    @WithTransaction
    public Uni<Program> create(CreateProgram request, String actor) {
        check(request);
        return Program.count("county = ?1 and year = ?2 and name = ?3", request.county(), request.year(), request.name())
                .chain(existing -> {
                    if (existing > 0) {
                        throw ProblemException.conflict("duplicate-program", "Program exists",
                                request.county() + " already has the " + request.year() + " program " + request.name());
                    }
                    Program program = toProgram(request, actor);
                    return program.persist()
                            .call(() -> allot(program, actor))
                            .chain(() -> outbox.publish(ProgramCreatedV1.TYPE, program.id, created(program)))
                            .chain(() -> outbox.publish(ProgramRulesSetV1.TYPE, program.id, new ProgramRulesSetV1(program.id,
                                    program.preDisbursementCapPercent, program.publicityWorkingDays, program.acceptanceTeamMinimum)))
                            .chain(() -> audit.record(actor, "program.created", "program", program.id,
                                    "program set up", created(program)))
                            .replaceWith(program);
                });
    }

    /** The ledger's ALLOT entries: each direction's allocation, and the rest of the total as not yet allocated. */
    private Uni<Void> allot(Program program, String actor) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Direction d : program.directions) {
            chain = chain.call(() -> ledger.allot(program.id, d.id, d.allocation, "program-created", actor));
        }
        return chain.call(() -> ledger.allot(program.id, null, program.total.subtract(program.allocated()), "program-created", actor));
    }

    @WithSession
    public Uni<Program> find(UUID id) {
        return Program.<Program>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("program", id))
                .call(p -> Mutiny.fetch(p.directions))
                .call(p -> Mutiny.fetch(p.phases));
    }

    @WithSession
    public Uni<List<Program>> list() {
        // two join-fetch queries (directions, then phases) in the same session: one Mutiny.fetch per program made
        // Hibernate Reactive fail ("Illegal pop() with non-matching JdbcValuesSourceProcessingState") with many programs
        return Program.<Program>find("select distinct p from Program p left join fetch p.directions order by p.year desc, p.county")
                .list()
                .call(programs -> programs.isEmpty() ? Uni.createFrom().voidItem()
                        : Program.find("select distinct p from Program p left join fetch p.phases where p.id in ?1",
                                programs.stream().map(p -> p.id).toList()).list().replaceWithVoid());
    }

    private static void check(CreateProgram request) {
        if (request.periodStart().isAfter(request.periodEnd())) {
            throw ProblemException.invalid("invalid-period", "periodStart " + request.periodStart() + " is after periodEnd " + request.periodEnd());
        }
        var names = new HashSet<String>();
        for (var d : request.directions()) {
            if (!names.add(d.name().strip())) {
                throw ProblemException.invalid("duplicate-direction", "direction " + d.name() + " is listed twice");
            }
        }
        for (var ph : request.phases()) {
            if (ph.start().isAfter(ph.end()) || ph.start().isBefore(request.periodStart()) || ph.end().isAfter(request.periodEnd())) {
                throw ProblemException.invalid("phase-outside-period", "phase " + ph.code() + " (" + ph.start() + ".." + ph.end()
                        + ") must lie inside the period " + request.periodStart() + ".." + request.periodEnd());
            }
        }
        BigDecimal allocated = request.directions().stream().map(CreateProgram.DirectionAllocation::allocation)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (allocated.compareTo(request.total()) > 0) {
            throw ProblemException.rule("allocation-exceeds-total", "Allocations exceed the program total",
                    "directions allocate " + allocated.toPlainString() + " but the program total is " + request.total().toPlainString());
        }
    }

    private Program toProgram(CreateProgram request, String actor) {
        Program program = new Program();
        program.id = UUID.randomUUID();
        program.county = request.county().strip();
        program.year = request.year();
        program.name = request.name().strip();
        program.total = Money.of(request.total());
        program.periodStart = request.periodStart().atDay(1);
        program.periodEnd = request.periodEnd().atDay(1);
        var rules = request.rules();
        program.preDisbursementCapPercent = rules == null || rules.preDisbursementCapPercent() == null ? 50 : rules.preDisbursementCapPercent();
        program.publicityWorkingDays = rules == null || rules.publicityWorkingDays() == null ? 5 : rules.publicityWorkingDays();
        program.acceptanceTeamMinimum = rules == null || rules.acceptanceTeamMinimum() == null ? 3 : rules.acceptanceTeamMinimum();
        program.createdAt = clock.now();
        program.createdBy = actor;
        int position = 0;
        for (var d : request.directions()) {
            Direction direction = new Direction();
            direction.id = UUID.randomUUID();
            direction.program = program;
            direction.position = position++;
            direction.name = d.name().strip();
            direction.allocation = Money.of(d.allocation());
            program.directions.add(direction);
        }
        position = 0;
        for (var ph : request.phases()) {
            Phase phase = new Phase();
            phase.id = UUID.randomUUID();
            phase.program = program;
            phase.position = position++;
            phase.code = ph.code();
            phase.name = ph.name().strip();
            phase.startMonth = ph.start().atDay(1);
            phase.endMonth = ph.end().atDay(1);
            program.phases.add(phase);
        }
        return program;
    }

    private static ProgramCreatedV1 created(Program p) {
        return new ProgramCreatedV1(p.id, p.county, p.year, p.name, p.total,
                YearMonth.from(p.periodStart), YearMonth.from(p.periodEnd),
                p.directions.stream().map(d -> new ProgramCreatedV1.Direction(d.id, d.name, d.allocation)).toList(),
                p.phases.stream().map(ph -> new ProgramCreatedV1.Phase(ph.code, ph.name, YearMonth.from(ph.startMonth), YearMonth.from(ph.endMonth))).toList());
    }
}
