package cn.ruralfund.reporting.service;

import cn.ruralfund.platform.audit.AuditTrail;
import cn.ruralfund.platform.problem.ProblemException;
import cn.ruralfund.platform.time.PlatformClock;
import cn.ruralfund.reporting.domain.MetricSource;
import cn.ruralfund.reporting.domain.TargetIndicator;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The evidenced entries of an EVIDENCED_ENTRIES indicator (T4 standards, T5 resource library, T8 marketing events,
 * T9 poor villages' shops): each is one thing done, with the date, the evidence (a file or link) and the official who
 * entered it, all in the audit trail. The indicator's actual value is the number of entries not withdrawn. An entry is
 * never deleted: a mistaken one is withdrawn with a reason and stays visible.
 */
@ApplicationScoped
public class IndicatorEntries {

    public record Entry(UUID id, String code, String item, LocalDate occurredOn, String evidence, String enteredBy,
                        OffsetDateTime enteredAt, String withdrawnBy, OffsetDateTime withdrawnAt, String withdrawnReason) {
    }

    private final AuditTrail audit;
    private final PlatformClock clock;

    IndicatorEntries(AuditTrail audit, PlatformClock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Entry> add(UUID programId, String code, String item, String occurredOn, String evidence, String actor) {
        if (blank(item) || blank(evidence) || blank(occurredOn)) {
            throw ProblemException.invalid("entry-incomplete", "an entry needs item, occurredOn (yyyy-MM-dd) and evidence (a file or link)");
        }
        if (item.length() > 500 || evidence.length() > 2000) {
            throw ProblemException.invalid("entry-too-long", "item is at most 500 characters, evidence at most 2,000");
        }
        LocalDate on;
        try {
            on = LocalDate.parse(occurredOn.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("occurred-on", "occurredOn is a date yyyy-MM-dd");
        }
        if (on.isAfter(clock.today())) {
            throw ProblemException.invalid("occurred-on", "occurredOn is not in the future");
        }
        return indicator(programId, code).chain(i -> {
            UUID id = UUID.randomUUID();
            OffsetDateTime now = clock.now();
            return new NativeSql().append("insert into indicator_entry (id, program_id, code, item, occurred_on, evidence, entered_by, entered_at) values (")
                    .param(id, "uuid").append(", ").param(programId, "uuid").append(", ").param(i.code, "text").append(", ")
                    .param(item.strip(), "text").append(", ").param(on, "date").append(", ").param(evidence.strip(), "text").append(", ")
                    .param(actor, "text").append(", ").param(now, "timestamptz").append(")").update()
                    .chain(() -> audit.record(actor, "target.entry-added", "program", programId, i.code,
                            Map.of("entry", id, "item", item.strip(), "occurredOn", on.toString(), "evidence", evidence.strip())))
                    .replaceWith(new Entry(id, i.code, item.strip(), on, evidence.strip(), actor, now, null, null, null));
        });
    }

    @WithTransaction
    public Uni<Void> withdraw(UUID programId, String code, UUID entryId, String reason, String actor) {
        if (blank(reason)) {
            throw ProblemException.invalid("reason-missing", "withdrawing an entry needs a reason");
        }
        return new NativeSql().append("update indicator_entry set withdrawn_by = ").param(actor, "text").append(", withdrawn_at = ")
                .param(clock.now(), "timestamptz").append(", withdrawn_reason = ").param(reason.strip(), "text")
                .append(" where id = ").param(entryId, "uuid").append(" and program_id = ").param(programId, "uuid")
                .append(" and code = ").param(code, "text").append(" and withdrawn_at is null").update()
                .chain(n -> {
                    if (n == 0) {
                        throw ProblemException.notFound("entry", entryId);
                    }
                    return audit.record(actor, "target.entry-withdrawn", "program", programId, reason.strip(), Map.of("entry", entryId, "code", code));
                });
    }

    @WithSession
    public Uni<List<Entry>> list(UUID programId, String code) {
        return indicator(programId, code).chain(i -> new NativeSql().append("""
                        select id, code, item, cast(occurred_on as text), evidence, entered_by, entered_at, withdrawn_by, withdrawn_at, withdrawn_reason
                        from indicator_entry where program_id = """).param(programId, "uuid").append(" and code = ").param(code, "text")
                .append(" order by occurred_on, entered_at").rows()
                .map(rows -> rows.stream().map(r -> new Entry((UUID) r[0], (String) r[1], (String) r[2], LocalDate.parse((String) r[3]),
                        (String) r[4], (String) r[5], SalesService.offset(r[6]), (String) r[7], SalesService.offset(r[8]), (String) r[9])).toList()));
    }

    private static Uni<TargetIndicator> indicator(UUID programId, String code) {
        return TargetIndicator.<TargetIndicator>find("programId = ?1 and code = ?2", programId, code).firstResult()
                .onItem().ifNull().failWith(() -> ProblemException.notFound("indicator", code))
                .invoke(i -> {
                    if (MetricSource.valueOf(i.source) != MetricSource.EVIDENCED_ENTRIES) {
                        throw ProblemException.conflict("not-counted-from-entries", "Not counted from entries",
                                "indicator " + code + " is counted from " + i.source + ", not from evidenced entries");
                    }
                });
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
