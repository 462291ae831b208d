package cn.ruralfund.reporting.service;

import cn.ruralfund.platform.problem.ProblemException;
import cn.ruralfund.platform.time.PlatformClock;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/** Figures read from the aggregates: a brand's annual sales, and the brands at or above a threshold in a year (T3). */
@ApplicationScoped
public class SalesFigures {

    public static final BigDecimal T3_THRESHOLD = new BigDecimal("10000000.00");

    private final PlatformClock clock;

    SalesFigures(PlatformClock clock) {
        this.clock = clock;
    }

    public record YearSales(int year, BigDecimal amount) {
    }

    public record BrandSales(UUID brandId, String brand, String enterprise, List<YearSales> calendarYears,
                             String rollingTo, BigDecimal rolling12Months) {
    }

    public record BrandOverThreshold(UUID brandId, String brand, String enterprise, BigDecimal amount) {
    }

    /** A brand's sales per calendar year, and over the 12 months ending with {@code to} (default: this month). */
    @WithSession
    public Uni<BrandSales> brand(UUID brandId, String to, Reporter reader) {
        YearMonth end = to == null ? YearMonth.from(clock.today()) : SalesCheck.periodOrProblem(to, clock.today());
        return Register.brand(brandId).chain(b -> {
            if (reader.isEnterprise() && !reader.enterprise().equals(b.enterpriseCode)) {
                throw ProblemException.forbidden("an enterprise reads its own brands' sales only");
            }
            return new NativeSql().append("select year, amount from brand_year_sales where brand_id = ").param(brandId, "uuid")
                    .append(" order by year").rows()
                    .chain(years -> new NativeSql().append("select coalesce(sum(amount), 0) from brand_month_sales where brand_id = ")
                            .param(brandId, "uuid").append(" and period between ").param(end.minusMonths(11).atDay(1), "date")
                            .append(" and ").param(end.atDay(1), "date").rows()
                            .map(rolling -> new BrandSales(b.id, b.name, b.enterpriseCode,
                                    years.stream().map(y -> new YearSales((Integer) y[0], ((BigDecimal) y[1]).setScale(2))).toList(),
                                    end.toString(), ((BigDecimal) rolling.get(0)[0]).setScale(2))));
        });
    }

    /** The program's brands whose online sales in calendar {@code year} are at or above {@code threshold}, exact to the fen. */
    @WithSession
    public Uni<List<BrandOverThreshold>> overThreshold(UUID programId, int year, BigDecimal threshold) {
        return overThresholdInSession(programId, year, year, threshold);
    }

    /** In the caller's session: distinct brands that reached the threshold in any one calendar year from firstYear to lastYear. */
    Uni<List<BrandOverThreshold>> overThresholdInSession(UUID programId, int firstYear, int lastYear, BigDecimal threshold) {
        return new NativeSql().append("""
                        select b.id, b.name, b.enterprise_code, max(y.amount) from brand_year_sales y join brand b on b.id = y.brand_id
                        where y.program_id = """).param(programId, "uuid")
                .append(" and y.year between ").param(firstYear, "int").append(" and ").param(lastYear, "int")
                .append(" and y.amount >= ").param(threshold, "numeric")
                .append(" group by b.id, b.name, b.enterprise_code order by b.name").rows()
                .map(rows -> rows.stream().map(r -> new BrandOverThreshold((UUID) r[0], (String) r[1], (String) r[2],
                        ((BigDecimal) r[3]).setScale(2))).toList());
    }

    /** Online sales and poor-household sales of a program's brands between two days (inclusive), in the caller's session. */
    Uni<BigDecimal[]> programSales(UUID programId, LocalDate from, LocalDate to) {
        return new NativeSql().append("select coalesce(sum(amount), 0), coalesce(sum(poor_amount), 0) from sales_cell where program_id = ")
                .param(programId, "uuid").append(" and period between ").param(from, "date").append(" and ").param(to, "date").rows()
                .map(rows -> new BigDecimal[]{((BigDecimal) rows.get(0)[0]).setScale(2), ((BigDecimal) rows.get(0)[1]).setScale(2)});
    }
}
