package cn.ruralfund.reporting.service;

import cn.ruralfund.platform.audit.AuditTrail;
import cn.ruralfund.platform.problem.ProblemException;
import cn.ruralfund.platform.time.PlatformClock;
import cn.ruralfund.reporting.domain.MetricSource;
import cn.ruralfund.reporting.domain.TargetIndicator;
import cn.ruralfund.reporting.readmodel.ProgramSummary;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The performance target table (绩效目标表) as data: rows officials add and edit. A new program whose county and year
 * match a template in {@code targets/templates.json} starts with that template's rows (Jinghong 2020: T1–T10).
 */
@ApplicationScoped
public class TargetTable {

    public static final Set<String> LEVEL1 = Set.of("EXECUTION", "OUTPUT", "BENEFIT", "SATISFACTION");
    public static final Set<String> LEVEL2 = Set.of("EXECUTION", "QUANTITY", "QUALITY", "TIMELINESS", "COST",
            "ECONOMIC", "SOCIAL", "ECOLOGICAL", "SUSTAINABLE", "SATISFACTION");
    public static final Set<String> COMPARISONS = Set.of("AT_LEAST", "AT_MOST");

    /** A row as given by an official or a template; null fields of an edit keep their value. */
    public record Row(String code, String level1, String level2, String name, String unit, String comparison,
                      BigDecimal targetValue, BigDecimal points, String source, BigDecimal threshold,
                      BigDecimal manualValue, String evidence, String deviationExplanation, String projectMatch) {
    }

    record Template(String template, String county, int year, String note, List<Row> indicators) {
    }

    private final AuditTrail audit;
    private final PlatformClock clock;
    private final List<Template> templates;

    TargetTable(AuditTrail audit, PlatformClock clock, ObjectMapper mapper) throws IOException {
        this.audit = audit;
        this.clock = clock;
        try (InputStream in = TargetTable.class.getResourceAsStream("/targets/templates.json")) {
            this.templates = List.of(mapper.readValue(in, Template[].class));
        }
    }

    /** In the caller's transaction (the program-created consumer). */
    public Uni<Void> seedFromTemplate(ProgramSummary program) {
        return templates.stream().filter(t -> t.county().equals(program.county) && t.year() == program.year).findFirst()
                .map(t -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    int sort = 0;
                    for (Row row : t.indicators()) {
                        TargetIndicator i = fresh(program.programId, row, ++sort);
                        chain = chain.chain(() -> i.persist().replaceWithVoid());
                    }
                    return chain.chain(() -> audit.record("reporting-service", "targets.seeded", "program", program.programId,
                            "template " + t.template(), Map.of("rows", t.indicators().size())));
                })
                .orElse(Uni.createFrom().voidItem());
    }

    @WithSession
    public Uni<List<TargetIndicator>> rows(UUID programId) {
        return program(programId).chain(p -> TargetIndicator.list("programId = ?1 order by sort, code", programId));
    }

    @WithTransaction
    public Uni<TargetIndicator> add(UUID programId, Row row, String actor) {
        validate(row, true);
        return program(programId).chain(p -> TargetIndicator.count("programId = ?1 and code = ?2", programId, row.code().strip()))
                .chain(n -> {
                    if (n > 0) {
                        throw ProblemException.conflict("indicator-exists", "Indicator exists", "the program already has indicator " + row.code());
                    }
                    return TargetIndicator.count("programId", programId);
                })
                .chain(count -> {
                    TargetIndicator i = fresh(programId, row, count.intValue() + 1);
                    if (i.manualValue != null) {
                        i.enteredBy = actor;
                        i.enteredAt = clock.now();
                    }
                    return i.persist().chain(() -> audit.record(actor, "target.added", "program", programId, null, row)).replaceWith(i);
                });
    }

    @WithTransaction
    public Uni<TargetIndicator> edit(UUID programId, String code, Row row, String actor) {
        validate(row, false);
        return TargetIndicator.<TargetIndicator>find("programId = ?1 and code = ?2", programId, code).firstResult()
                .onItem().ifNull().failWith(() -> ProblemException.notFound("indicator", code))
                .chain(i -> {
                    if (row.level1() != null) i.level1 = row.level1();
                    if (row.level2() != null) i.level2 = row.level2();
                    if (row.name() != null) i.name = row.name().strip();
                    if (row.unit() != null) i.unit = row.unit().strip();
                    if (row.comparison() != null) i.comparison = row.comparison();
                    if (row.targetValue() != null) i.targetValue = row.targetValue();
                    if (row.points() != null) i.points = row.points();
                    if (row.source() != null) i.source = row.source();
                    if (row.threshold() != null) i.threshold = row.threshold().setScale(2);
                    if (row.manualValue() != null) i.manualValue = row.manualValue();
                    if (row.evidence() != null) i.evidence = row.evidence().strip();
                    if (row.deviationExplanation() != null) i.deviationExplanation = row.deviationExplanation().strip();
                    if (row.projectMatch() != null) i.projectMatch = row.projectMatch().strip();
                    if (row.manualValue() != null) {
                        if (blank(i.evidence)) {
                            throw ProblemException.invalid("evidence-missing", "a manual value needs its evidence (a file or link)");
                        }
                        i.enteredBy = actor; // who stands behind the figure; the audit trail keeps every earlier one
                        i.enteredAt = clock.now();
                    }
                    if (MetricSource.valueOf(i.source) == MetricSource.BRANDS_OVER_THRESHOLD && i.threshold == null) {
                        throw ProblemException.invalid("threshold-missing", "BRANDS_OVER_THRESHOLD needs a threshold in yuan");
                    }
                    if (MetricSource.valueOf(i.source) == MetricSource.ACCEPTED_PROJECTS_OF_TASK && blank(i.projectMatch)) {
                        throw ProblemException.invalid("project-match-missing", "ACCEPTED_PROJECTS_OF_TASK needs projectMatch (words of the task)");
                    }
                    return audit.record(actor, "target.edited", "program", programId, code, row).replaceWith(i);
                });
    }

    private static TargetIndicator fresh(UUID programId, Row row, int sort) {
        TargetIndicator i = new TargetIndicator();
        i.id = UUID.randomUUID();
        i.programId = programId;
        i.code = row.code().strip();
        i.level1 = row.level1();
        i.level2 = row.level2();
        i.name = row.name().strip();
        i.unit = row.unit().strip();
        i.comparison = row.comparison();
        i.targetValue = row.targetValue();
        i.points = row.points();
        i.source = row.source();
        i.threshold = row.threshold() == null ? null : row.threshold().setScale(2);
        i.manualValue = row.manualValue();
        i.evidence = row.evidence();
        i.deviationExplanation = row.deviationExplanation();
        i.projectMatch = row.projectMatch() == null ? null : row.projectMatch().strip();
        i.sort = sort;
        return i;
    }

    static void validate(Row row, boolean complete) {
        if (complete && (blank(row.code()) || blank(row.name()) || blank(row.unit()) || row.level1() == null || row.level2() == null
                || row.comparison() == null || row.targetValue() == null || row.points() == null || row.source() == null)) {
            throw ProblemException.invalid("indicator-incomplete",
                    "an indicator needs code, level1, level2, name, unit, comparison, targetValue, points and source");
        }
        oneOf(row.level1(), LEVEL1, "level1");
        oneOf(row.level2(), LEVEL2, "level2");
        oneOf(row.comparison(), COMPARISONS, "comparison");
        if (row.source() != null) {
            try {
                MetricSource s = MetricSource.valueOf(row.source());
                if (complete && s == MetricSource.BRANDS_OVER_THRESHOLD && row.threshold() == null) {
                    throw ProblemException.invalid("threshold-missing", "BRANDS_OVER_THRESHOLD needs a threshold in yuan");
                }
                if (complete && s == MetricSource.ACCEPTED_PROJECTS_OF_TASK && blank(row.projectMatch())) {
                    throw ProblemException.invalid("project-match-missing", "ACCEPTED_PROJECTS_OF_TASK needs projectMatch (words of the task)");
                }
                if (complete && s == MetricSource.MANUAL && row.manualValue() != null && blank(row.evidence())) {
                    throw ProblemException.invalid("evidence-missing", "a manual value needs its evidence (a file or link)");
                }
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("unknown-source", "source " + row.source() + " is not one of " + List.of(MetricSource.values()));
            }
        }
        if (row.points() != null && (row.points().signum() < 0 || row.points().compareTo(BigDecimal.valueOf(100)) > 0)) {
            throw ProblemException.invalid("points", "points are between 0 and 100");
        }
        if (row.targetValue() != null && row.targetValue().signum() < 0) {
            throw ProblemException.invalid("target-value", "a target value is not negative");
        }
        if (row.threshold() != null && (row.threshold().signum() <= 0 || row.threshold().stripTrailingZeros().scale() > 2)) {
            throw ProblemException.invalid("threshold", "a threshold is a positive amount in yuan, exact to the fen");
        }
    }

    private static void oneOf(String value, Set<String> allowed, String field) {
        if (value != null && !allowed.contains(value)) {
            throw ProblemException.invalid("unknown-" + field, field + " " + value + " is not one of " + allowed);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static Uni<ProgramSummary> program(UUID programId) {
        return ProgramSummary.<ProgramSummary>findById(programId).onItem().ifNull().failWith(() -> ProblemException.notFound("program", programId));
    }
}
