package cn.ruralfund.acceptance.service;

import cn.ruralfund.acceptance.domain.Application;
import cn.ruralfund.platform.reactive.UnitOfWork;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Business gauges for the dashboard, refreshed from the database (so they count what committed):
 * {@code ruralfund_acceptance_applications{status}} and {@code ruralfund_acceptance_projects{acceptance=PASS|FAIL|OPEN, reason}}.
 */
@ApplicationScoped
public class AcceptanceMetrics {

    private final MeterRegistry registry;
    private final Vertx vertx;
    private final Map<String, AtomicLong> gauges = new ConcurrentHashMap<>();

    AcceptanceMetrics(MeterRegistry registry, Vertx vertx) {
        this.registry = registry;
        this.vertx = vertx;
        for (Application.Status s : Application.Status.values()) {
            gauge("ruralfund_acceptance_applications", "status", s.name());
        }
    }

    @Scheduled(identity = "acceptance-metrics", every = "${acceptance.metrics.every:30s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        return UnitOfWork.onSafeContext(vertx, () -> Panache.withSession(() -> Panache.getSession().chain(s -> s.createSelectionQuery(
                        "select a.status, count(a) from Application a group by a.status", Object[].class).getResultList()
                .invoke(rows -> {
                    gauges.entrySet().stream().filter(e -> e.getKey().startsWith("ruralfund_acceptance_applications|")).forEach(e -> e.getValue().set(0));
                    rows.forEach(r -> gauge("ruralfund_acceptance_applications", "status", r[0].toString()).set((Long) r[1]));
                })
                .chain(() -> s.createSelectionQuery(
                        "select coalesce(p.acceptance, 'OPEN'), coalesce(p.acceptanceReason, ''), count(p) from Project p"
                                + " group by coalesce(p.acceptance, 'OPEN'), coalesce(p.acceptanceReason, '')",
                        Object[].class).getResultList())
                .invoke(rows -> rows.forEach(r -> gauge("ruralfund_acceptance_projects", "acceptance", r[0] + "|" + r[1]).set((Long) r[2]))))))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private AtomicLong gauge(String name, String tag, String value) {
        return gauges.computeIfAbsent(name + "|" + value, k -> {
            AtomicLong holder = new AtomicLong();
            if (name.equals("ruralfund_acceptance_projects")) {
                String[] parts = value.split("\\|", -1);
                registry.gauge(name, List.of(io.micrometer.core.instrument.Tag.of("acceptance", parts[0]),
                        io.micrometer.core.instrument.Tag.of("reason", parts[1])), holder);
            } else {
                registry.gauge(name, List.of(io.micrometer.core.instrument.Tag.of(tag, value)), holder);
            }
            return holder;
        });
    }
}
