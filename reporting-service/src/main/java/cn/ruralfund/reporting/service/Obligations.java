package cn.ruralfund.reporting.service;

import cn.ruralfund.platform.audit.AuditTrail;
import cn.ruralfund.platform.contracts.ReportOverdueV1;
import cn.ruralfund.platform.outbox.Outbox;
import cn.ruralfund.platform.problem.ProblemException;
import cn.ruralfund.platform.reactive.UnitOfWork;
import cn.ruralfund.platform.time.PlatformClock;
import cn.ruralfund.reporting.domain.ReportingObligation;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * R16 data-reporting obligations: an enterprise owes a sales report for each month of its obligation, due on a day of
 * the next month. A check (scheduled, and on demand) finds the reports not received by their due date, as the injected
 * {@link PlatformClock} tells the date, and publishes {@link ReportOverdueV1} once per obligation and month, through the
 * outbox in the transaction that records it (project-service turns it into a data-reporting notice).
 * A month counts as reported when any sales record of the enterprise (in the obligation's township, if it names one) exists for it.
 */
@ApplicationScoped
public class Obligations {

    private static final Logger LOG = Logger.getLogger(Obligations.class);

    private final Outbox outbox;
    private final AuditTrail audit;
    private final PlatformClock clock;
    private final Vertx vertx;

    Obligations(Outbox outbox, AuditTrail audit, PlatformClock clock, Vertx vertx) {
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
        this.vertx = vertx;
    }

    @WithTransaction
    public Uni<ReportingObligation> create(String enterpriseCode, String township, String first, String last, int dueDay, String actor) {
        YearMonth from = month(first, "firstPeriod");
        YearMonth to = month(last, "lastPeriod");
        if (to.isBefore(from)) {
            throw ProblemException.invalid("obligation-period", "lastPeriod " + to + " is before firstPeriod " + from);
        }
        if (dueDay < 1 || dueDay > 28) {
            throw ProblemException.invalid("obligation-due-day", "dueDay is a day of the month from 1 to 28");
        }
        ReportingObligation o = new ReportingObligation();
        o.id = UUID.randomUUID();
        o.enterpriseCode = enterpriseCode.strip();
        o.township = township == null || township.isBlank() ? null : township.strip();
        o.firstPeriod = from.atDay(1);
        o.lastPeriod = to.atDay(1);
        o.dueDay = dueDay;
        o.createdAt = clock.now();
        return o.persist().chain(() -> audit.record(actor, "obligation.created", "enterprise", o.enterpriseCode, "R16",
                Map.of("from", from.toString(), "to", to.toString(), "dueDay", dueDay))).replaceWith(o);
    }

    @WithSession
    public Uni<List<ReportingObligation>> list() {
        return ReportingObligation.list("order by enterpriseCode, firstPeriod");
    }

    private static YearMonth month(String value, String field) {
        try {
            return YearMonth.parse(value == null ? "" : value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw ProblemException.invalid("obligation-period", field + " " + value + " is not a month like 2021-03");
        }
    }

    @Scheduled(every = "${reporting.obligations.check-every:1h}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return check().onFailure().invoke(e -> LOG.warnf("R16 check failed: %s", e.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Publishes every overdue report not published yet; returns how many. Safe to run concurrently: each (obligation, month) is published once. */
    public Uni<Integer> check() {
        LocalDate today = clock.today();
        return UnitOfWork.onSafeContext(vertx, () -> Panache.withTransaction(() -> new NativeSql().append("""
                        select o.id, o.enterprise_code, to_char(m.period, 'YYYY-MM'),
                          to_char(m.period + interval '1 month' + (o.due_day - 1) * interval '1 day', 'YYYY-MM-DD') from reporting_obligation o
                        cross join lateral generate_series(o.first_period, o.last_period, interval '1 month') as m(period)
                        where cast(m.period + interval '1 month' + (o.due_day - 1) * interval '1 day' as date) < """).param(today, "date")
                .append("""
                         and not exists (select 1 from report_overdue x where x.obligation_id = o.id and x.period = cast(m.period as date))
                         and not exists (select 1 from sales_record r where r.enterprise_code = o.enterprise_code
                           and r.period = cast(m.period as date) and (o.township is null or r.township = o.township))
                        order by o.id, m.period""").rows()
                .chain(rows -> {
                    Uni<Integer> chain = Uni.createFrom().item(0);
                    for (Object[] r : rows) {
                        UUID obligation = (UUID) r[0];
                        String enterprise = (String) r[1];
                        YearMonth period = YearMonth.parse((String) r[2]);
                        LocalDate dueOn = LocalDate.parse((String) r[3]);
                        chain = chain.chain(n -> new NativeSql().append("insert into report_overdue (obligation_id, period, due_on, published_at) values (")
                                .param(obligation, "uuid").append(", ").param(period.atDay(1), "date").append(", ").param(dueOn, "date")
                                .append(", ").param(clock.now(), "timestamptz").append(") on conflict do nothing").update()
                                .chain(inserted -> inserted == 0 ? Uni.createFrom().item(n)
                                        : outbox.publish(ReportOverdueV1.TYPE, enterprise, new ReportOverdueV1(enterprise, period.toString(), dueOn, null))
                                        .chain(() -> audit.record("reporting-service", "report.overdue", "enterprise", enterprise, "R16",
                                                Map.of("period", period.toString(), "dueOn", dueOn.toString())))
                                        .replaceWith(n + 1)));
                    }
                    return chain;
                })));
    }
}
