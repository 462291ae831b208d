package cn.ruralfund.budget.service;

import cn.ruralfund.budget.domain.Balances;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prometheus gauges per program, read from the ledger: money allotted, committed, paid, recovered, and the fund
 * execution rate (资金执行率, T10): {@code ruralfund_budget_money_yuan{program,kind}}, {@code ruralfund_budget_execution_rate{program}}.
 */
@ApplicationScoped
public class BudgetMetrics {

    private static final Logger LOG = Logger.getLogger(BudgetMetrics.class);

    private final MeterRegistry registry;
    private final Mutiny.SessionFactory sessions;
    private final Ledger ledger;
    private final Map<UUID, Balances> latest = new ConcurrentHashMap<>();

    BudgetMetrics(MeterRegistry registry, Mutiny.SessionFactory sessions, Ledger ledger) {
        this.registry = registry;
        this.sessions = sessions;
        this.ledger = ledger;
    }

    @Scheduled(every = "${budget.metrics.every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        return io.quarkus.hibernate.reactive.panache.Panache.withSession(ledger::ofAllPrograms)
                .invoke(all -> all.forEach(this::publish))
                .onFailure().invoke(e -> LOG.warnf("budget gauges not refreshed: %s", e.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private void publish(UUID program, Balances b) {
        if (latest.put(program, b) == null) {
            String p = program.toString();
            gauge(p, "allotted", id -> latest.get(id).allotted().doubleValue(), program);
            gauge(p, "committed", id -> latest.get(id).committed().doubleValue(), program);
            gauge(p, "paid", id -> latest.get(id).paid().doubleValue(), program);
            gauge(p, "recovered", id -> latest.get(id).recovered().doubleValue(), program);
            Gauge.builder("ruralfund.budget.execution.rate", program, id -> latest.get(id).executionRate().doubleValue())
                    .tag("program", p).description("fund execution rate (资金执行率, T10): (paid - recovered) / allotted").register(registry);
        }
    }

    private void gauge(String program, String kind, java.util.function.ToDoubleFunction<UUID> f, UUID id) {
        Gauge.builder("ruralfund.budget.money", id, f).tag("program", program).tag("kind", kind).baseUnit("yuan")
                .description("money of the program by kind, from the ledger").register(registry);
    }
}
