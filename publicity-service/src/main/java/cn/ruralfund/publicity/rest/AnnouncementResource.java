package cn.ruralfund.publicity.rest;

import cn.ruralfund.platform.problem.ProblemException;
import cn.ruralfund.platform.security.Caller;
import cn.ruralfund.platform.security.Roles;
import cn.ruralfund.publicity.calendar.PublicityWindow;
import cn.ruralfund.publicity.domain.Announcement;
import cn.ruralfund.publicity.domain.Objection;
import cn.ruralfund.publicity.service.AnnouncementService;
import cn.ruralfund.publicity.service.ObjectionRateLimiter;
import cn.ruralfund.publicity.service.PublicQueries;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.qute.TemplateData;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
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

import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Announcements (公示, R5): public to read and to object to during the window; decisions and closing by the office.
 * The window counts working days by the Civil Code by default: the day of publication is not counted (民法典 第二百零一条),
 * and it ends on a working day (第二百零三条); {@code counting} in each announcement says how it was counted.
 */
@Path("/announcements")
@Produces(MediaType.APPLICATION_JSON)
public class AnnouncementResource {

    @TemplateData
    public record Window(LocalDate publishedOn, LocalDate endsOn, int workingDays, String lengthFrom, String counting,
                         List<PublicityWindow.LocalDay> localDays, List<String> nationalNotices) {
    }

    @TemplateData
    public record Summary(UUID id, String kind, UUID projectId, UUID programId, String title, LocalDate publishedOn,
                          LocalDate endsOn, String status, String outcome, LocalDate closedOn) {
        static Summary of(Announcement a) {
            return new Summary(a.id, a.kind.name(), a.projectId, a.programId, a.title, a.publishedOn, a.endsOn,
                    a.status.name(), a.outcome == null ? null : a.outcome.name(), a.closedOn);
        }
    }

    /** An objection as published: its text and the office's decision; never the objector's name or contact. */
    @TemplateData
    public record PublicObjection(UUID id, OffsetDateTime receivedAt, String text, String decision, String reasons,
                                  OffsetDateTime decidedAt) {
        static PublicObjection of(Objection o) {
            return new PublicObjection(o.id, o.receivedAt, o.text, o.decision == null ? null : o.decision.name(), o.reasons, o.decidedAt);
        }
    }

    @TemplateData
    public record Detail(UUID id, String kind, UUID projectId, UUID programId, String title, String body,
                         OffsetDateTime publishedAt, Window window, String status, String outcome, LocalDate closedOn,
                         OffsetDateTime closedAt, List<PublicObjection> objections) {
    }

    @TemplateData
    public record Listing<T>(List<T> items, int page, int size, long total) {
    }

    public record FileObjection(@NotBlank @Size(max = 50) String name, @NotBlank @Size(max = 100) String contact,
                                @NotBlank @Size(min = 5, max = 2000) String text) {
    }

    public record Received(UUID id, UUID announcementId, OffsetDateTime receivedAt) {
    }

    public record Decide(@NotNull Objection.Decision decision, @NotBlank @Size(max = 2000) String reasons) {
    }

    /** An objection as the office sees it, with the objector's name and contact. */
    public record OfficeObjection(UUID id, OffsetDateTime receivedAt, String name, String contact, String text,
                                  String clientAddress, String decision, String reasons, String decidedBy, OffsetDateTime decidedAt) {
        static OfficeObjection of(Objection o) {
            return new OfficeObjection(o.id, o.receivedAt, o.name, o.contact, o.text, o.clientAddress,
                    o.decision == null ? null : o.decision.name(), o.reasons, o.decidedBy, o.decidedAt);
        }
    }

    private final AnnouncementService announcements;
    private final PublicQueries queries;
    private final PublicResponses responses;
    private final ObjectionRateLimiter rateLimiter;
    private final Caller caller;
    private final ObjectMapper mapper;

    AnnouncementResource(AnnouncementService announcements, PublicQueries queries, PublicResponses responses,
                         ObjectionRateLimiter rateLimiter, Caller caller, ObjectMapper mapper) {
        this.announcements = announcements;
        this.queries = queries;
        this.responses = responses;
        this.rateLimiter = rateLimiter;
        this.caller = caller;
        this.mapper = mapper;
    }

    /**
     * Announcements, newest first (then by id: a stable order across pages). Filters: {@code kind} (ACCEPTANCE),
     * {@code status} (OPEN, CLOSED), {@code programId}, {@code projectId}, {@code from}/{@code to} (day of
     * publication, inclusive). {@code page} from 0, {@code size} 1–100. ETag and Cache-Control.
     */
    @GET
    @PermitAll
    public Uni<Response> list(@QueryParam("kind") String kind, @QueryParam("status") String status,
                              @QueryParam("programId") UUID programId, @QueryParam("projectId") UUID projectId,
                              @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
                              @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("20") int size,
                              @HeaderParam("If-None-Match") String ifNoneMatch, @Context UriInfo uri) {
        PublicQueries.Filter filter = new PublicQueries.Filter(Params.enumOf(Announcement.Kind.class, "kind", kind), programId, projectId,
                Params.enumOf(Announcement.Status.class, "status", status), from, to);
        Params.page(page, size);
        return responses.json(uri.getRequestUri().toString(), ifNoneMatch, () -> queries.announcements(filter, page, size)
                .map(s -> new Listing<>(s.items().stream().map(Summary::of).toList(), s.page(), s.size(), s.total())));
    }

    @GET
    @Path("/{id}")
    @PermitAll
    public Uni<Response> detail(@PathParam("id") UUID id, @HeaderParam("If-None-Match") String ifNoneMatch) {
        return responses.json("/announcements/" + id, ifNoneMatch, () -> queries.announcement(id).map(this::detail));
    }

    Detail detail(PublicQueries.AnnouncementWithObjections found) {
        Announcement a = found.announcement();
        PublicityWindow w = window(a);
        return new Detail(a.id, a.kind.name(), a.projectId, a.programId, a.title, a.body, a.publishedAt,
                new Window(a.publishedOn, a.endsOn, a.workingDays, a.lengthFrom, a.counting, w.localDays(), w.nationalNotices()),
                a.status.name(), a.outcome == null ? null : a.outcome.name(), a.closedOn, a.closedAt,
                found.objections().stream().map(PublicObjection::of).toList());
    }

    PublicityWindow window(Announcement a) {
        try {
            return mapper.readValue(a.calendar, PublicityWindow.class);
        } catch (Exception e) {
            throw new IllegalStateException("announcement " + a.id + " has an unreadable calendar", e);
        }
    }

    /**
     * Files an objection (异议) during the window, from the day of publication to the end of its last day; anyone may,
     * without an account. Name ≤ 50, contact ≤ 100, text 5–2000 characters, stored exactly as given. At most
     * {@code publicity.objections.per-address} per client address in {@code publicity.objections.per-address-window}: 429.
     */
    @POST
    @Path("/{id}/objections")
    @PermitAll
    @WithTransaction
    public Uni<Response> file(@PathParam("id") UUID id, @Valid @NotNull FileObjection request, @Context HttpServerRequest http) {
        String address = http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
        rateLimiter.acquire(address);
        return announcements.file(id, new AnnouncementService.NewObjection(request.name(), request.contact(), request.text(), address))
                .map(o -> Response.created(URI.create("/announcements/" + id + "#objection-" + o.id))
                        .entity(new Received(o.id, id, o.receivedAt)).build());
    }

    @GET
    @Path("/{id}/objections")
    @RolesAllowed(Roles.COMMERCE_OFFICE)
    @WithSession
    public Uni<List<OfficeObjection>> objections(@PathParam("id") UUID id) {
        return queries.announcement(id).map(f -> f.objections().stream().map(OfficeObjection::of).toList());
    }

    /** The office's decision on an objection: UPHELD (成立) or DISMISSED (不成立), with reasons, published with the announcement. */
    @POST
    @Path("/{id}/objections/{objectionId}/decision")
    @RolesAllowed(Roles.COMMERCE_OFFICE)
    @WithTransaction
    public Uni<OfficeObjection> decide(@PathParam("id") UUID id, @PathParam("objectionId") UUID objectionId, @Valid @NotNull Decide request) {
        return announcements.decide(id, objectionId, request.decision(), request.reasons().strip(), caller.name()).map(OfficeObjection::of);
    }

    /** Closes a window that has ended with every objection decided (409 {@code r5-objection-undecided} otherwise). */
    @POST
    @Path("/{id}/closure")
    @RolesAllowed(Roles.COMMERCE_OFFICE)
    @WithTransaction
    public Uni<Summary> close(@PathParam("id") UUID id) {
        return announcements.close(id, caller.name()).map(Summary::of);
    }

    static final class Params {
        private Params() {
        }

        static <E extends Enum<E>> E enumOf(Class<E> type, String name, String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return Enum.valueOf(type, value.strip());
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("invalid-filter", name + " must be one of " + List.of(type.getEnumConstants()));
            }
        }

        static void page(int page, int size) {
            if (page < 0 || size < 1 || size > PublicQueries.MAX_PAGE_SIZE) {
                throw ProblemException.invalid("invalid-page", "page must be ≥ 0 and size 1 to " + PublicQueries.MAX_PAGE_SIZE);
            }
        }
    }
}
