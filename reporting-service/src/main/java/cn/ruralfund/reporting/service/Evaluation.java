package cn.ruralfund.reporting.service;

import cn.ruralfund.platform.time.PlatformClock;
import cn.ruralfund.reporting.domain.MetricSource;
import cn.ruralfund.reporting.domain.TargetIndicator;
import cn.ruralfund.reporting.readmodel.ProgramSummary;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The evaluation of a program's target table (绩效自评): per indicator the actual value, its ratio to the target,
 * a status by date within the program period, points and score (points in proportion to attainment, never above the points).
 */
@ApplicationScoped
public class Evaluation {

    public enum Status { ACHIEVED, ON_TRACK, AT_RISK, MISSED }

    public record Header(String program, String county, int year, String periodStart, String periodEnd,
                         BigDecimal budgetAtStartWan, BigDecimal fullYearBudgetWan, BigDecimal executedWan,
                         BigDecimal executionRatePercent) {
    }

    public record Line(String code, String level1, String level1Name, String level2, String level2Name, String name, String unit,
                       String comparison, BigDecimal target, BigDecimal actual, BigDecimal ratio, Status status,
                       BigDecimal points, BigDecimal score, String source, String evidence, String deviationExplanation) {
    }

    public record Report(UUID programId, LocalDate asOf, Header header, List<Line> indicators, BigDecimal totalPoints,
                         BigDecimal totalScore) {
    }

    private static final BigDecimal WAN = new BigDecimal("10000");

    private final PlatformClock clock;
    private final FundReadModel funds;

    Evaluation(PlatformClock clock, FundReadModel funds) {
        this.clock = clock;
        this.funds = funds;
    }

    public Uni<Report> evaluate(UUID programId) {
        return Panache.withSession(() -> TargetTable.program(programId).chain(program -> funds.execution(programId)
                .chain(execution -> TargetIndicator.<TargetIndicator>list("programId = ?1 order by sort, code", programId)
                        .chain(rows -> lines(program, execution, rows))
                        .map(lines -> report(program, execution, lines)))));
    }

    private Report report(ProgramSummary p, FundReadModel.Execution e, List<Line> lines) {
        BigDecimal allottedWan = e.allotted().divide(WAN, 6, RoundingMode.HALF_UP).stripTrailingZeros();
        Header header = new Header(p.name, p.county, p.year, String.valueOf(p.periodStart), String.valueOf(p.periodEnd),
                allottedWan.setScale(Math.max(2, allottedWan.scale())), allottedWan.setScale(Math.max(2, allottedWan.scale())),
                scaleWan(e.executed()), e.ratePercent());
        BigDecimal points = lines.stream().map(Line::points).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal score = lines.stream().map(Line::score).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Report(p.programId, clock.today(), header, lines, points.setScale(2), score.setScale(2));
    }

    private static BigDecimal scaleWan(BigDecimal yuan) {
        BigDecimal wan = yuan.divide(WAN, 6, RoundingMode.HALF_UP).stripTrailingZeros();
        return wan.setScale(Math.max(2, wan.scale()));
    }

    private Uni<List<Line>> lines(ProgramSummary program, FundReadModel.Execution execution, List<TargetIndicator> rows) {
        LocalDate start = program.periodStart == null ? LocalDate.of(program.year, 1, 1) : program.periodStart;
        LocalDate end = program.periodEnd == null ? LocalDate.of(program.year, 12, 31) : program.periodEnd;
        return figures(program.programId, start, end).map(figures -> {
            List<Line> out = new ArrayList<>();
            for (TargetIndicator row : rows) {
                Object[] f = figures.getOrDefault(row.code, new Object[]{null, null});
                Object[] a = actual(execution, row, (BigDecimal) f[0], (String) f[1], start, end);
                out.add(line(program, row, (BigDecimal) a[0], (String) a[1]));
            }
            return out;
        });
    }

    /**
     * Every computed figure of the program's table in one statement (one round trip, whatever the number of rows),
     * each read from data kept current as it arrives: the register, the sales aggregates, the project read models and
     * the evidenced entries. Per indicator code: the value, and the names behind it where there are any.
     */
    private static Uni<Map<String, Object[]>> figures(UUID programId, LocalDate start, LocalDate end) {
        NativeSql sql = new NativeSql().append("""
                select t.code, cast(case t.source
                  when 'REGIONAL_PUBLIC_BRANDS' then (select count(*) from brand b where b.regional_public_brand and b.program_id = t.program_id)
                  when 'INTERNET_FAMOUS_PRODUCTS' then (select count(*) from product x join brand b on b.id = x.brand_id
                                                        where x.internet_famous and b.program_id = t.program_id)
                  when 'CERTIFIED_PRODUCTS' then (select count(*) from product x join brand b on b.id = x.brand_id
                                                  where x.certifications <> '' and b.program_id = t.program_id)
                  when 'BRANDS_OVER_THRESHOLD' then (select count(distinct y.brand_id) from brand_year_sales y where y.program_id = t.program_id
                                                     and y.year between \s""").param(start.getYear(), "int").append(" and ").param(end.getYear(), "int")
                .append("""
                                                     and y.amount >= t.threshold)
                  when 'ONLINE_SALES' then (select coalesce(sum(c.amount), 0) from sales_cell c where c.program_id = t.program_id
                                            and c.period between \s""").param(start, "date").append(" and ").param(end, "date").append("""
                  )
                  when 'POOR_HOUSEHOLD_SALES' then (select coalesce(sum(c.poor_amount), 0) from sales_cell c where c.program_id = t.program_id
                                                    and c.period between \s""").param(start, "date").append(" and ").param(end, "date").append("""
                  )
                  when 'ACCEPTED_PROJECTS_OF_TASK' then (select count(*) from project_view p \s""" + ACCEPTED_OF_TASK + """
                  )
                  when 'EVIDENCED_ENTRIES' then (select count(*) from indicator_entry e where e.program_id = t.program_id and e.code = t.code
                                                 and e.withdrawn_at is null)
                end as numeric),
                case t.source
                  when 'BRANDS_OVER_THRESHOLD' then (select string_agg(s.name || ' ¥' || s.amount, ', ' order by s.name) from (
                      select b.name, max(y.amount) as amount from brand_year_sales y join brand b on b.id = y.brand_id
                      where y.program_id = t.program_id and y.year between \s""").param(start.getYear(), "int").append(" and ")
                .param(end.getYear(), "int").append("""
                       and y.amount >= t.threshold group by b.id, b.name) s)
                  when 'ACCEPTED_PROJECTS_OF_TASK' then (select string_agg(p.name, ', ' order by p.registered_at nulls last, p.project_id)
                      from project_view p \s""" + ACCEPTED_OF_TASK + """
                  )
                  when 'EVIDENCED_ENTRIES' then (select string_agg(cast(e.occurred_on as text) || ' ' || e.item || ' (' || e.evidence || ')', '; '
                      order by e.occurred_on, e.entered_at) from indicator_entry e
                      where e.program_id = t.program_id and e.code = t.code and e.withdrawn_at is null)
                end
                from target_indicator t where t.program_id = """).param(programId, "uuid");
        return sql.rows().map(rows -> {
            Map<String, Object[]> out = new HashMap<>();
            for (Object[] r : rows) {
                out.put((String) r[0], new Object[]{r[1], r[2]});
            }
            return out;
        });
    }

    /**
     * The program's projects accepted (PASS) whose enterprise was not disqualified in the program, and whose task or
     * budget-line categories contain one of the indicator's words (|-separated).
     */
    private static final String ACCEPTED_OF_TASK = """
            join project_fund f on f.project_id = p.project_id and f.acceptance = 'PASS'
            where p.program_id = t.program_id
              and not exists (select 1 from enterprise_disqualification d where d.enterprise_code = p.enterprise_code and d.program_id = p.program_id)
              and exists (select 1 from unnest(string_to_array(t.project_match, '|')) w
                          where btrim(w) <> '' and (position(btrim(w) in p.task) > 0
                                or position(',' || btrim(w) || ',' in ',' || p.expense_categories || ',') > 0))""";

    /** The actual value and a sentence saying where it came from. */
    private static Object[] actual(FundReadModel.Execution e, TargetIndicator row, BigDecimal figure, String names, LocalDate start, LocalDate end) {
        BigDecimal value = figure == null ? BigDecimal.ZERO : figure;
        return switch (MetricSource.valueOf(row.source)) {
            case REGIONAL_PUBLIC_BRANDS -> new Object[]{value, "brands of the program flagged regional public brand in the register"};
            case INTERNET_FAMOUS_PRODUCTS -> new Object[]{value, "products of the program's brands flagged internet-famous in the register"};
            case CERTIFIED_PRODUCTS -> new Object[]{value, "products of the program's brands with a 三品一标 certification in the register"};
            case BRANDS_OVER_THRESHOLD -> new Object[]{value, "brands with online sales of ¥" + row.threshold.toPlainString()
                    + " or more in one calendar year " + start.getYear() + "–" + end.getYear() + ": " + (names == null ? "" : names)};
            case FUND_EXECUTION_RATE -> new Object[]{e.ratePercent(), "(paid ¥" + e.paid().toPlainString()
                    + " − recovered ¥" + e.recovered().toPlainString() + ") / allotted ¥" + e.allotted().toPlainString() + ", from budget-service's events"};
            case ONLINE_SALES -> new Object[]{value.setScale(2), "online sales of the program's brands " + start + "–" + end};
            case POOR_HOUSEHOLD_SALES -> new Object[]{value.setScale(2), "online sales of goods from registered poor households " + start + "–" + end};
            case ACCEPTED_PROJECTS_OF_TASK -> new Object[]{value, "projects accepted (PASS, enterprise not disqualified) whose task"
                    + " or budget lines match " + row.projectMatch + ", from project-service's and acceptance-service's events"
                    + (names == null ? "" : ": " + names)};
            case EVIDENCED_ENTRIES -> new Object[]{value, "entries recorded by officials with their evidence" + (names == null ? ": none yet" : ": " + names)};
            case MANUAL -> new Object[]{row.manualValue, row.manualValue == null ? "manual entry: not yet entered"
                    : "manual entry by " + row.enteredBy + " on " + (row.enteredAt == null ? "?" : row.enteredAt.toLocalDate())
                    + "; evidence: " + row.evidence};
        };
    }

    Line line(ProgramSummary p, TargetIndicator row, BigDecimal actual, String source) {
        LocalDate start = p.periodStart == null ? LocalDate.of(p.year, 1, 1) : p.periodStart;
        LocalDate end = p.periodEnd == null ? LocalDate.of(p.year, 12, 31) : p.periodEnd;
        BigDecimal attainment = attainment(row.comparison, row.targetValue, actual);
        BigDecimal ratio = actual == null || row.targetValue.signum() == 0 ? null
                : actual.divide(row.targetValue, 4, RoundingMode.HALF_UP);
        Status status = status(attainment, clock.today(), start, end);
        BigDecimal score = row.points.multiply(attainment).setScale(2, RoundingMode.HALF_UP);
        return new Line(row.code, row.level1, level1Name(row.level1), row.level2, level2Name(row.level2), row.name, row.unit,
                row.comparison, plain(row.targetValue),
                actual == null ? null : plain(actual), ratio, status, row.points.setScale(2), score, source, row.evidence,
                row.deviationExplanation);
    }

    private static BigDecimal plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    /** How much of the target is reached, 0 to 1. */
    static BigDecimal attainment(String comparison, BigDecimal target, BigDecimal actual) {
        if (actual == null) {
            return BigDecimal.ZERO;
        }
        if ("AT_MOST".equals(comparison)) {
            if (actual.compareTo(target) <= 0) {
                return BigDecimal.ONE;
            }
            return target.divide(actual, 6, RoundingMode.HALF_UP);
        }
        if (target.signum() == 0 || actual.compareTo(target) >= 0) {
            return BigDecimal.ONE;
        }
        return actual.max(BigDecimal.ZERO).divide(target, 6, RoundingMode.HALF_UP);
    }

    /**
     * ACHIEVED when the target is reached; otherwise MISSED after the period, else ON_TRACK when the attainment is at
     * least the share of the period elapsed, AT_RISK when it lags behind.
     */
    static Status status(BigDecimal attainment, LocalDate today, LocalDate start, LocalDate end) {
        if (attainment.compareTo(BigDecimal.ONE) >= 0) {
            return Status.ACHIEVED;
        }
        if (today.isAfter(end)) {
            return Status.MISSED;
        }
        long total = Math.max(1, ChronoUnit.DAYS.between(start, end) + 1);
        long elapsed = Math.max(0, Math.min(total, ChronoUnit.DAYS.between(start, today) + 1));
        BigDecimal share = BigDecimal.valueOf(elapsed).divide(BigDecimal.valueOf(total), 6, RoundingMode.HALF_UP);
        return attainment.compareTo(share) >= 0 ? Status.ON_TRACK : Status.AT_RISK;
    }

    static String level1Name(String level1) {
        return switch (level1) {
            case "EXECUTION" -> "预算执行率";
            case "OUTPUT" -> "产出指标";
            case "BENEFIT" -> "效益指标";
            case "SATISFACTION" -> "满意度指标";
            default -> level1;
        };
    }

    static String level2Name(String level2) {
        return switch (level2) {
            case "EXECUTION" -> "预算执行率";
            case "QUANTITY" -> "数量指标";
            case "QUALITY" -> "质量指标";
            case "TIMELINESS" -> "时效指标";
            case "COST" -> "成本指标";
            case "ECONOMIC" -> "经济效益指标";
            case "SOCIAL" -> "社会效益指标";
            case "ECOLOGICAL" -> "生态效益指标";
            case "SUSTAINABLE" -> "可持续影响指标";
            case "SATISFACTION" -> "服务对象满意度指标";
            default -> level2;
        };
    }
}
