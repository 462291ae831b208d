package cn.ruralfund.publicity.rest;

import cn.ruralfund.platform.problem.ProblemException;
import cn.ruralfund.publicity.domain.Announcement;
import cn.ruralfund.publicity.service.AnnouncementService;
import cn.ruralfund.publicity.service.ObjectionRateLimiter;
import cn.ruralfund.publicity.service.PublicQueries;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

import java.util.UUID;

/**
 * The portal's pages in Chinese (Qute, server-rendered, readable on a phone without JavaScript): announcements with
 * their objections and an objection form, and notices with their history. Every text is escaped by Qute: an objection
 * reading {@code <script>} shows as text.
 */
@Path("/portal")
@PermitAll
public class PortalResource {

    static final String HTML = "text/html;charset=UTF-8";
    private static final int PAGE_SIZE = 20;

    private final PublicQueries queries;
    private final PublicResponses responses;
    private final AnnouncementResource api;
    private final AnnouncementService announcements;
    private final ObjectionRateLimiter rateLimiter;
    private final Template list;
    private final Template page;
    private final Template received;
    private final Template noticeList;
    private final Template noticePage;

    PortalResource(PublicQueries queries, PublicResponses responses, AnnouncementResource api, AnnouncementService announcements,
                   ObjectionRateLimiter rateLimiter,
                   @Location("announcements.html") Template list, @Location("announcement.html") Template page,
                   @Location("objection-received.html") Template received,
                   @Location("notices.html") Template noticeList, @Location("notice.html") Template noticePage) {
        this.queries = queries;
        this.responses = responses;
        this.api = api;
        this.announcements = announcements;
        this.rateLimiter = rateLimiter;
        this.list = list;
        this.page = page;
        this.received = received;
        this.noticeList = noticeList;
        this.noticePage = noticePage;
    }

    @GET
    @Path("/announcements")
    public Uni<Response> announcements(@QueryParam("page") @DefaultValue("0") int pageNumber, @HeaderParam("If-None-Match") String ifNoneMatch) {
        AnnouncementResource.Params.page(pageNumber, PAGE_SIZE);
        PublicQueries.Filter all = new PublicQueries.Filter(null, null, null, null, null, null);
        return responses.page("portal:announcements:" + pageNumber, ifNoneMatch,
                () -> queries.announcements(all, pageNumber, PAGE_SIZE),
                s -> PublicResponses.utf8(list.data("listing", new AnnouncementResource.Listing<>(
                                s.items().stream().map(AnnouncementResource.Summary::of).toList(), s.page(), s.size(), s.total()))
                        .data("page", pageNumber).data("hasNext", (long) (pageNumber + 1) * PAGE_SIZE < s.total()).render()));
    }

    @GET
    @Path("/announcements/{id}")
    public Uni<Response> announcement(@PathParam("id") UUID id, @HeaderParam("If-None-Match") String ifNoneMatch) {
        return responses.page("portal:announcement:" + id, ifNoneMatch, () -> queries.announcement(id),
                found -> PublicResponses.utf8(page.data("a", api.detail(found))
                        .data("open", found.announcement().status == Announcement.Status.OPEN).render()));
    }

    /** The objection form (no JavaScript): the same rules as {@code POST /announcements/{id}/objections}. */
    @POST
    @Path("/announcements/{id}/objections")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @WithTransaction
    public Uni<Response> object(@PathParam("id") UUID id, @RestForm String name, @RestForm String contact, @RestForm String text,
                                @Context HttpServerRequest http) {
        String invalid = invalid(name, 50, 1, "姓名或单位") + invalid(contact, 100, 1, "联系方式") + invalid(text, 2000, 5, "异议内容");
        if (!invalid.isEmpty()) {
            return Uni.createFrom().item(page(400, false, invalid.strip(), id));
        }
        String address = http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
        try {
            rateLimiter.acquire(address);
        } catch (ProblemException e) {
            return Uni.createFrom().item(page(429, false, "提交过于频繁，请稍后再试。", id));
        }
        return announcements.file(id, new AnnouncementService.NewObjection(name, contact, text, address))
                .map(o -> page(201, true, "您的异议已于 " + PortalFormats.minute(o.receivedAt) + " 收到，办公室将核查处理，处理结果将在公示页面公布。", id))
                .onFailure(ProblemException.class).recoverWithItem(e -> ((ProblemException) e).status() == 404
                        ? page(404, false, "公示不存在。", id)
                        : page(422, false, "不在公示期内，不能提交异议。", id));
    }

    private Response page(int status, boolean ok, String message, UUID id) {
        return Response.status(status).type(HTML).entity(received.data("ok", ok).data("message", message).data("id", id).render()).build();
    }

    private static String invalid(String value, int max, int min, String label) {
        if (value == null || value.isBlank()) {
            return label + "不能为空。 ";
        }
        if (value.length() > max || value.strip().length() < min) {
            return label + "长度应为 " + min + "–" + max + " 字。 ";
        }
        return "";
    }

    @GET
    @Path("/notices")
    public Uni<Response> notices(@QueryParam("page") @DefaultValue("0") int pageNumber, @HeaderParam("If-None-Match") String ifNoneMatch) {
        AnnouncementResource.Params.page(pageNumber, PAGE_SIZE);
        PublicQueries.Filter all = new PublicQueries.Filter(null, null, null, null, null, null);
        return responses.page("portal:notices:" + pageNumber, ifNoneMatch,
                () -> queries.notices(all, pageNumber, PAGE_SIZE),
                s -> PublicResponses.utf8(noticeList.data("listing", new AnnouncementResource.Listing<>(
                                s.items().stream().map(NoticeResource.Summary::of).toList(), s.page(), s.size(), s.total()))
                        .data("page", pageNumber).data("hasNext", (long) (pageNumber + 1) * PAGE_SIZE < s.total()).render()));
    }

    @GET
    @Path("/notices/{id}")
    public Uni<Response> notice(@PathParam("id") UUID id, @HeaderParam("If-None-Match") String ifNoneMatch) {
        return responses.page("portal:notice:" + id, ifNoneMatch, () -> queries.notice(id),
                found -> PublicResponses.utf8(noticePage.data("n", NoticeResource.detail(found)).render()));
    }
}
