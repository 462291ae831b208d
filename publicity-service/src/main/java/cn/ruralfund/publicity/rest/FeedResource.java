package cn.ruralfund.publicity.rest;

import cn.ruralfund.publicity.domain.Announcement;
import cn.ruralfund.publicity.domain.PublicNotice;
import cn.ruralfund.publicity.service.PublicQueries;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** An Atom 1.0 feed (RFC 4287) of the newest announcements and notices, for the portal and for aggregators. */
@Path("/feeds")
@PermitAll
public class FeedResource {

    static final int ENTRIES = 50;

    @TemplateData
    public record Entry(String id, String title, String path, String kind, String summary, String published, String updated,
                        OffsetDateTime sortKey) {
    }

    private final PublicQueries queries;
    private final PublicResponses responses;
    private final Template feed;
    private final String base;

    FeedResource(PublicQueries queries, PublicResponses responses, @Location("feed.xml") Template feed,
                 @ConfigProperty(name = "publicity.portal.base-url", defaultValue = "http://localhost:8084") String base) {
        this.queries = queries;
        this.responses = responses;
        this.feed = feed;
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    @GET
    @Path("/announcements.atom")
    public Uni<Response> announcements(@HeaderParam("If-None-Match") String ifNoneMatch) {
        PublicQueries.Filter all = new PublicQueries.Filter(null, null, null, null, null, null);
        return responses.respond("feed:announcements", ifNoneMatch, "application/atom+xml;charset=UTF-8",
                () -> queries.announcements(all, 0, ENTRIES).chain(a -> queries.notices(all, 0, ENTRIES).map(n -> entries(a.items(), n.items()))),
                entries -> PublicResponses.utf8(feed.data("base", base).data("entries", entries)
                        .data("updated", entries.isEmpty() ? time(OffsetDateTime.parse("2020-12-01T00:00:00+08:00")) : entries.get(0).updated())
                        .render()));
    }

    static List<Entry> entries(List<Announcement> announcements, List<PublicNotice> notices) {
        List<Entry> entries = new ArrayList<>();
        for (Announcement a : announcements) {
            OffsetDateTime updated = a.updatedAt == null ? a.publishedAt : a.updatedAt;
            entries.add(new Entry(a.id.toString(), a.title, "/portal/announcements/" + a.id, "公示", summary(a.body),
                    time(a.publishedAt), time(updated), updated));
        }
        for (PublicNotice n : notices) {
            String title = n.status == PublicNotice.Status.WITHDRAWN ? "【已撤回】" + n.title : n.title;
            entries.add(new Entry(n.id.toString(), title, "/portal/notices/" + n.id, "公告", summary(n.body),
                    time(n.publishedAt), time(n.updatedAt), n.updatedAt));
        }
        entries.sort(Comparator.comparing(Entry::sortKey).reversed().thenComparing(Entry::id));
        return entries.size() > ENTRIES ? entries.subList(0, ENTRIES) : entries;
    }

    private static String summary(String body) {
        return body.length() <= 200 ? body : body.substring(0, 200) + "…";
    }

    private static String time(OffsetDateTime t) {
        return t.withOffsetSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
