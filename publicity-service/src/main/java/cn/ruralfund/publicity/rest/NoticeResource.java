package cn.ruralfund.publicity.rest;

import cn.ruralfund.platform.security.Caller;
import cn.ruralfund.platform.security.Roles;
import cn.ruralfund.publicity.domain.NoticeRevision;
import cn.ruralfund.publicity.domain.PublicNotice;
import cn.ruralfund.publicity.service.NoticeService;
import cn.ruralfund.publicity.service.PublicQueries;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.qute.TemplateData;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Public notices (公告) of tender awards (R17), disqualifications (R11) and rectification notices / public criticism
 * (R12–R16): public to read, with every published revision; corrected or withdrawn by the office.
 */
@Path("/notices")
@Produces(MediaType.APPLICATION_JSON)
public class NoticeResource {

    @TemplateData
    public record Summary(UUID id, String kind, String rule, UUID programId, UUID projectId, String enterpriseCreditCode,
                          String title, OffsetDateTime publishedAt, String status, int revision) {
        static Summary of(PublicNotice n) {
            return new Summary(n.id, n.kind.name(), n.rule, n.programId, n.projectId, n.enterpriseCode, n.title, n.publishedAt,
                    n.status.name(), n.revision);
        }
    }

    @TemplateData
    public record Revision(int revision, String action, String title, String body, String reason, OffsetDateTime at) {
        static Revision of(NoticeRevision r) {
            return new Revision(r.revision, r.action, r.title, r.body, r.reason, r.at);
        }
    }

    @TemplateData
    public record Detail(UUID id, String kind, String rule, UUID programId, UUID projectId, String enterpriseCreditCode,
                         String title, String body, OffsetDateTime publishedAt, OffsetDateTime updatedAt, String status,
                         int revision, List<Revision> history) {
    }

    public record Correction(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 10000) String body,
                             @NotBlank @Size(max = 2000) String reason) {
    }

    public record Withdrawal(@NotBlank @Size(max = 2000) String reason) {
    }

    private final NoticeService notices;
    private final PublicQueries queries;
    private final PublicResponses responses;
    private final Caller caller;

    NoticeResource(NoticeService notices, PublicQueries queries, PublicResponses responses, Caller caller) {
        this.notices = notices;
        this.queries = queries;
        this.responses = responses;
        this.caller = caller;
    }

    /** Notices newest first, then by id. Filters: kind, status, programId, projectId, from/to; page from 0, size 1–100. */
    @GET
    @PermitAll
    public Uni<Response> list(@QueryParam("kind") String kind, @QueryParam("status") String status,
                              @QueryParam("programId") UUID programId, @QueryParam("projectId") UUID projectId,
                              @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
                              @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("20") int size,
                              @HeaderParam("If-None-Match") String ifNoneMatch, @Context UriInfo uri) {
        PublicQueries.Filter filter = new PublicQueries.Filter(AnnouncementResource.Params.enumOf(PublicNotice.Kind.class, "kind", kind),
                programId, projectId, AnnouncementResource.Params.enumOf(PublicNotice.Status.class, "status", status), from, to);
        AnnouncementResource.Params.page(page, size);
        return responses.json(uri.getRequestUri().toString(), ifNoneMatch, () -> queries.notices(filter, page, size)
                .map(s -> new AnnouncementResource.Listing<>(s.items().stream().map(Summary::of).toList(), s.page(), s.size(), s.total())));
    }

    @GET
    @Path("/{id}")
    @PermitAll
    public Uni<Response> detail(@PathParam("id") UUID id, @HeaderParam("If-None-Match") String ifNoneMatch) {
        return responses.json("/notices/" + id, ifNoneMatch, () -> queries.notice(id).map(NoticeResource::detail));
    }

    static Detail detail(PublicQueries.NoticeWithHistory f) {
        PublicNotice n = f.notice();
        return new Detail(n.id, n.kind.name(), n.rule, n.programId, n.projectId, n.enterpriseCode, n.title, n.body, n.publishedAt,
                n.updatedAt, n.status.name(), n.revision, f.history().stream().map(Revision::of).toList());
    }

    /** Corrects a notice: a new revision with the corrected title and body; the earlier ones stay in its history. */
    @POST
    @Path("/{id}/corrections")
    @RolesAllowed(Roles.COMMERCE_OFFICE)
    @WithTransaction
    public Uni<Summary> correct(@PathParam("id") UUID id, @Valid @NotNull Correction request) {
        return notices.correct(id, request.title().strip(), request.body().strip(), request.reason().strip(), caller.name()).map(Summary::of);
    }

    /** Withdraws a notice (撤回): it stays readable, marked withdrawn, with its history. */
    @POST
    @Path("/{id}/withdrawal")
    @RolesAllowed(Roles.COMMERCE_OFFICE)
    @WithTransaction
    public Uni<Summary> withdraw(@PathParam("id") UUID id, @Valid @NotNull Withdrawal request) {
        return notices.withdraw(id, request.reason().strip(), caller.name()).map(Summary::of);
    }
}
