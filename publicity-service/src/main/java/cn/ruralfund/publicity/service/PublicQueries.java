package cn.ruralfund.publicity.service;

import cn.ruralfund.platform.problem.ProblemException;
import cn.ruralfund.publicity.domain.Announcement;
import cn.ruralfund.publicity.domain.NoticeRevision;
import cn.ruralfund.publicity.domain.Objection;
import cn.ruralfund.publicity.domain.PublicNotice;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** What the portal reads: filtered, paginated, newest first with the id as tie-breaker (a stable order). */
@ApplicationScoped
public class PublicQueries {

    public static final int MAX_PAGE_SIZE = 100;

    /** Filters of a public list; every field optional. {@code from}/{@code to}: the day of publication, inclusive. */
    public record Filter(Enum<?> kind, UUID programId, UUID projectId, Enum<?> status, LocalDate from, LocalDate to) {
    }

    public record Slice<T>(List<T> items, int page, int size, long total) {
    }

    public record AnnouncementWithObjections(Announcement announcement, List<Objection> objections) {
    }

    public record NoticeWithHistory(PublicNotice notice, List<NoticeRevision> history) {
    }

    public Uni<Slice<Announcement>> announcements(Filter filter, int page, int size) {
        Where where = where(filter, "publishedAt");
        return Announcement.<Announcement>find(where.query + " order by publishedAt desc, id desc", where.parameters)
                .page(Page.of(page, size)).list()
                .chain(items -> Announcement.count(where.query, where.parameters).map(total -> new Slice<>(items, page, size, total)));
    }

    public Uni<AnnouncementWithObjections> announcement(UUID id) {
        return Announcement.<Announcement>findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("announcement", id))
                .chain(a -> Objection.<Objection>list("announcementId = ?1 order by receivedAt, id", id)
                        .map(objections -> new AnnouncementWithObjections(a, objections)));
    }

    public Uni<Slice<PublicNotice>> notices(Filter filter, int page, int size) {
        Where where = where(filter, "publishedAt");
        return PublicNotice.<PublicNotice>find(where.query + " order by publishedAt desc, id desc", where.parameters)
                .page(Page.of(page, size)).list()
                .chain(items -> PublicNotice.count(where.query, where.parameters).map(total -> new Slice<>(items, page, size, total)));
    }

    public Uni<NoticeWithHistory> notice(UUID id) {
        return PublicNotice.<PublicNotice>findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("notice", id))
                .chain(n -> NoticeRevision.<NoticeRevision>list("noticeId = ?1 order by revision", id)
                        .map(history -> new NoticeWithHistory(n, history)));
    }

    private record Where(String query, Parameters parameters) {
    }

    private static Where where(Filter f, String dateField) {
        List<String> clauses = new ArrayList<>();
        Parameters p = new Parameters();
        clauses.add("1 = 1");
        if (f.kind() != null) {
            clauses.add("kind = :kind");
            p.and("kind", f.kind());
        }
        if (f.status() != null) {
            clauses.add("status = :status");
            p.and("status", f.status());
        }
        if (f.programId() != null) {
            clauses.add("programId = :programId");
            p.and("programId", f.programId());
        }
        if (f.projectId() != null) {
            clauses.add("projectId = :projectId");
            p.and("projectId", f.projectId());
        }
        if (f.from() != null) {
            clauses.add(dateField + " >= :from");
            p.and("from", f.from().atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")).toOffsetDateTime());
        }
        if (f.to() != null) {
            clauses.add(dateField + " < :to");
            p.and("to", f.to().plusDays(1).atStartOfDay(java.time.ZoneId.of("Asia/Shanghai")).toOffsetDateTime());
        }
        return new Where(String.join(" and ", clauses), p);
    }
}
