package cn.ruralfund.reporting.service;

import cn.ruralfund.reporting.readmodel.ProgramSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prometheus gauges refreshed from the evaluation and the aggregates:
 * {@code ruralfund_reporting_indicator_actual|target|status{program,indicator}} (status: 3 achieved, 2 on track,
 * 1 at risk, 0 missed) and {@code ruralfund_reporting_brand_sales_yuan{brand,year}} for the calendar years of the last five;
 * the counters {@code ruralfund_reporting_sales_records_total{source,outcome}} and
 * {@code ruralfund_reporting_csv_lines_rejected_total} are counted where records arrive.
 */
@ApplicationScoped
public class ReportingMetrics {

    private static final Logger LOG = Logger.getLogger(ReportingMetrics.class);

    private final MeterRegistry registry;
    private final Evaluation evaluation;
    private final cn.ruralfund.platform.time.PlatformClock clock;
    private final Map<String, double[]> indicators = new ConcurrentHashMap<>();
    private final Map<String, BigDecimal> brands = new ConcurrentHashMap<>();

    ReportingMetrics(MeterRegistry registry, Evaluation evaluation, cn.ruralfund.platform.time.PlatformClock clock) {
        this.registry = registry;
        this.evaluation = evaluation;
        this.clock = clock;
    }

    @Scheduled(every = "${reporting.metrics.every:30s}", delayed = "3s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        int year = clock.today().getYear();
        return Panache.withSession(() -> ProgramSummary.<ProgramSummary>listAll())
                .chain(programs -> Multi.createFrom().iterable(programs).onItem()
                        .transformToUniAndConcatenate(p -> evaluation.evaluate(p.programId).invoke(this::publish))
                        .collect().last())
                .chain(() -> Panache.withSession(() -> new NativeSql().append(
                                "select b.name, y.amount, y.year from brand_year_sales y join brand b on b.id = y.brand_id where y.year >= ")
                        .param(year - 5, "int").rows()))
                .invoke(this::publishBrands)
                .onFailure().invoke(e -> LOG.warnf("reporting gauges not refreshed: %s", e.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private void publish(Evaluation.Report report) {
        String program = report.programId().toString();
        for (Evaluation.Line l : report.indicators()) {
            String key = program + "|" + l.code();
            double[] values = new double[]{l.actual() == null ? Double.NaN : l.actual().doubleValue(), l.target().doubleValue(),
                    3 - l.status().ordinal()};
            if (indicators.put(key, values) == null) {
                gauge("ruralfund.reporting.indicator.actual", program, l.code(), key, 0, "the indicator's actual value");
                gauge("ruralfund.reporting.indicator.target", program, l.code(), key, 1, "the indicator's target value");
                gauge("ruralfund.reporting.indicator.status", program, l.code(), key, 2, "3 achieved, 2 on track, 1 at risk, 0 missed");
            }
        }
    }

    private void gauge(String name, String program, String indicator, String key, int index, String description) {
        Gauge.builder(name, indicators, m -> m.getOrDefault(key, new double[]{Double.NaN, Double.NaN, Double.NaN})[index])
                .tag("program", program).tag("indicator", indicator).description(description).register(registry);
    }

    private void publishBrands(List<Object[]> rows) {
        for (Object[] r : rows) {
            String year = String.valueOf(r[2]);
            String key = r[0] + "|" + year;
            if (brands.put(key, (BigDecimal) r[1]) == null) {
                Gauge.builder("ruralfund.reporting.brand.sales", brands, m -> m.getOrDefault(key, BigDecimal.ZERO).doubleValue())
                        .tag("brand", (String) r[0]).tag("year", year).baseUnit("yuan")
                        .description("online sales of the brand in the calendar year").register(registry);
            }
        }
    }
}
