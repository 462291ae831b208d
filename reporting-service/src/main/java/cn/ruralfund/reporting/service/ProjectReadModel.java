package cn.ruralfund.reporting.service;

import cn.ruralfund.platform.contracts.EnterpriseDisqualifiedV2;
import cn.ruralfund.platform.contracts.ProjectRegisteredV1;
import cn.ruralfund.platform.contracts.PublicityClosedV1;
import cn.ruralfund.platform.contracts.RectificationClosedV1;
import cn.ruralfund.platform.contracts.RectificationIssuedV1;
import cn.ruralfund.platform.inbox.PoisonMessageException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Read models of the projects (示范项目) from the other services' events, each applied once in the Inbox's
 * transaction: projects with their status, publicity outcomes (公示结果), and notices with a deadline (整改通知).
 * Every write is an upsert keyed by the event's own id, so a redelivery changes nothing and the events of different
 * topics may arrive in any order: a project's status is read from the facts, never stored as a step.
 */
@ApplicationScoped
public class ProjectReadModel {

    /**
     * A project's status: DISQUALIFIED (its enterprise lost its role in the program) over ACCEPTED / ACCEPTANCE_FAILED
     * (acceptance-concluded) over REGISTERED.
     */
    static final String STATUS = """
            case when d.enterprise_code is not null then 'DISQUALIFIED'
                 when f.acceptance = 'PASS' then 'ACCEPTED'
                 when f.acceptance = 'FAIL' then 'ACCEPTANCE_FAILED'
                 else 'REGISTERED' end""";

    static final String FROM = """
            from project_view p
            left join project_fund f on f.project_id = p.project_id
            left join enterprise_disqualification d on d.enterprise_code = p.enterprise_code and d.program_id = p.program_id""";

    public record ProjectView(UUID projectId, UUID programId, String name, String task, boolean buildFirstSubsidiseAfter,
                              String enterpriseCreditCode, String enterpriseName, BigDecimal budget, String status,
                              String acceptanceReason, BigDecimal paid, BigDecimal recovered, String publicity) {
    }

    public record Projects(UUID programId, Map<String, Long> byStatus, List<ProjectView> projects) {
    }

    public record PublicityView(UUID announcementId, String kind, UUID projectId, String projectName, LocalDate openedOn,
                                LocalDate closedOn, boolean objectionUpheld, String outcome) {
    }

    public record NoticeView(UUID noticeId, UUID projectId, String enterpriseCreditCode, String enterpriseName, String kind,
                             String rule, String reason, LocalDate deadline, OffsetDateTime issuedAt, String outcome,
                             String remark, OffsetDateTime closedAt) {
    }

    public Uni<Void> registered(ProjectRegisteredV1 p) {
        if (p.projectId() == null || p.programId() == null || p.budget() == null) {
            throw new PoisonMessageException("project-registered without projectId, programId or budget", null);
        }
        String categories = p.expenseLines() == null ? "" : p.expenseLines().stream().map(ProjectRegisteredV1.ExpenseLine::category)
                .filter(Objects::nonNull).distinct().collect(Collectors.joining(","));
        return new NativeSql().append("""
                        insert into project_view (project_id, program_id, direction_id, name, task, build_first_subsidise_after,
                          enterprise_code, enterprise_name, budget, expense_categories, registered_at) values (""")
                .param(p.projectId(), "uuid").append(", ").param(p.programId(), "uuid").append(", ").param(p.directionId(), "uuid")
                .append(", ").param(p.projectName() == null || p.projectName().isBlank() ? p.task() : p.projectName(), "text").append(", ").param(p.task(), "text").append(", ")
                .param(p.buildFirstSubsidiseAfter(), "boolean").append(", ").param(p.enterpriseCreditCode(), "text").append(", ")
                .param(p.enterpriseName(), "text").append(", ").param(p.budget(), "numeric").append(", ")
                .param(categories, "text").append(", ").param(p.registeredAt(), "timestamptz")
                .append(") on conflict (project_id) do nothing")
                .update().replaceWithVoid();
    }

    public Uni<Void> disqualified(EnterpriseDisqualifiedV2 d) {
        return new NativeSql().append("insert into enterprise_disqualification (enterprise_code, program_id, rule, reason, disqualified_at) values (")
                .param(d.enterpriseCreditCode(), "text").append(", ").param(d.programId(), "uuid").append(", ").param(d.rule(), "text")
                .append(", ").param(d.reason(), "text").append(", ").param(d.disqualifiedAt(), "timestamptz")
                .append(") on conflict (enterprise_code, program_id) do nothing")
                .update().replaceWithVoid();
    }

    public Uni<Void> publicityClosed(PublicityClosedV1 c) {
        return new NativeSql().append("""
                        insert into publicity_outcome (announcement_id, kind, project_id, opened_on, closed_on, objection_upheld, closed_at)
                        values (""").param(c.announcementId(), "uuid").append(", ").param(c.kind(), "text").append(", ")
                .param(c.projectId(), "uuid").append(", ").param(c.openedOn(), "date").append(", ").param(c.closedOn(), "date")
                .append(", ").param(c.objectionUpheld(), "boolean").append(", ").param(c.closedAt(), "timestamptz")
                .append(") on conflict (announcement_id) do nothing")
                .update().replaceWithVoid();
    }

    public Uni<Void> noticeIssued(RectificationIssuedV1 n) {
        return new NativeSql().append("""
                        insert into notice (notice_id, project_id, enterprise_code, enterprise_name, kind, rule, reason, deadline, issued_at)
                        values (""").param(n.noticeId(), "uuid").append(", ").param(n.projectId(), "uuid").append(", ")
                .param(n.enterpriseCreditCode(), "text").append(", ").param(n.enterpriseName(), "text").append(", ")
                .param(n.kind(), "text").append(", ").param(n.rule(), "text").append(", ").param(n.reason(), "text").append(", ")
                .param(n.deadline(), "date").append(", ").param(n.issuedAt(), "timestamptz").append("""
                        ) on conflict (notice_id) do update set enterprise_name = excluded.enterprise_name, reason = excluded.reason,
                          deadline = excluded.deadline, issued_at = excluded.issued_at""")
                .update().replaceWithVoid();
    }

    /** The outcome of a notice; written even when the notice itself has not arrived yet (it fills in the rest). */
    public Uni<Void> noticeClosed(RectificationClosedV1 c) {
        return new NativeSql().append("insert into notice (notice_id, project_id, enterprise_code, kind, rule, outcome, remark, closed_at) values (")
                .param(c.noticeId(), "uuid").append(", ").param(c.projectId(), "uuid").append(", ").param(c.enterpriseCreditCode(), "text")
                .append(", ").param(c.kind(), "text").append(", ").param(c.rule(), "text").append(", ").param(c.outcome(), "text")
                .append(", ").param(c.remark(), "text").append(", ").param(c.closedAt(), "timestamptz").append("""
                        ) on conflict (notice_id) do update set outcome = excluded.outcome, remark = excluded.remark,
                          closed_at = excluded.closed_at""")
                .update().replaceWithVoid();
    }

    /** The program's projects with their status, and how many are in each status. */
    @WithSession
    public Uni<Projects> projects(UUID programId, String status) {
        NativeSql sql = new NativeSql().append("select p.project_id, p.name, p.task, p.build_first_subsidise_after, p.enterprise_code,"
                        + " p.enterprise_name, p.budget, " + STATUS + ", f.acceptance_reason, coalesce(f.paid, 0), coalesce(f.recovered, 0),"
                        + " (select case when bool_or(o.objection_upheld) then 'OBJECTION_UPHELD' else 'CLOSED' end"
                        + "    from publicity_outcome o where o.project_id = p.project_id) ")
                .append(FROM).append(" where p.program_id = ").param(programId, "uuid").append(" order by p.registered_at nulls last, p.project_id");
        return sql.rows().map(rows -> {
            List<ProjectView> all = new ArrayList<>();
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String s : List.of("REGISTERED", "ACCEPTED", "ACCEPTANCE_FAILED", "DISQUALIFIED")) {
                counts.put(s, 0L);
            }
            for (Object[] r : rows) {
                ProjectView v = new ProjectView((UUID) r[0], programId, (String) r[1], (String) r[2], (Boolean) r[3], (String) r[4],
                        (String) r[5], ((BigDecimal) r[6]).setScale(2), (String) r[7], (String) r[8], ((BigDecimal) r[9]).setScale(2),
                        ((BigDecimal) r[10]).setScale(2), (String) r[11]);
                counts.merge(v.status(), 1L, Long::sum);
                if (status == null || status.equals(v.status())) {
                    all.add(v);
                }
            }
            return new Projects(programId, counts, all);
        });
    }

    /** The publicity windows closed on the program's projects, newest first. */
    @WithSession
    public Uni<List<PublicityView>> publicity(UUID programId) {
        return new NativeSql().append("""
                        select o.announcement_id, o.kind, o.project_id, p.name, cast(o.opened_on as text), cast(o.closed_on as text), o.objection_upheld
                        from publicity_outcome o join project_view p on p.project_id = o.project_id
                        where p.program_id = """).param(programId, "uuid").append(" order by o.closed_on desc nulls last, o.announcement_id")
                .rows().map(rows -> rows.stream().map(r -> new PublicityView((UUID) r[0], (String) r[1], (UUID) r[2], (String) r[3],
                        date(r[4]), date(r[5]), (Boolean) r[6], (Boolean) r[6] ? "OBJECTION_UPHELD" : "NO_OBJECTION_UPHELD")).toList());
    }

    /** Notices, of one enterprise when given; {@code open}: only those without an outcome yet. */
    @WithSession
    public Uni<List<NoticeView>> notices(String enterprise, Boolean open) {
        NativeSql sql = new NativeSql().append("""
                select notice_id, project_id, enterprise_code, enterprise_name, kind, rule, reason, cast(deadline as text), issued_at, outcome, remark, closed_at
                from notice where true""");
        if (enterprise != null) {
            sql.append(" and enterprise_code = ").param(enterprise, "text");
        }
        if (open != null) {
            sql.append(open ? " and outcome is null" : " and outcome is not null");
        }
        return sql.append(" order by deadline nulls last, notice_id limit 1000").rows()
                .map(rows -> rows.stream().map(r -> new NoticeView((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3], (String) r[4],
                        (String) r[5], (String) r[6], date(r[7]), offset(r[8]), (String) r[9], (String) r[10], offset(r[11]))).toList());
    }

    private static LocalDate date(Object text) {
        return text == null ? null : LocalDate.parse(text.toString());
    }

    private static OffsetDateTime offset(Object value) {
        return value == null ? null : SalesService.offset(value);
    }
}
