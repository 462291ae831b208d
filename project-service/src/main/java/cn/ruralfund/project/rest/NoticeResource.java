package cn.ruralfund.project.rest;

import cn.ruralfund.project.service.Requests;
import cn.ruralfund.platform.security.Caller;
import cn.ruralfund.platform.security.Roles;
import cn.ruralfund.project.rest.Views.NoticeView;
import cn.ruralfund.platform.security.Actor;
import cn.ruralfund.project.service.NoticeService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import java.util.List;
import java.util.UUID;

/** Notices with deadlines (R12–R14, R16): the enterprise answers, the office closes them by the deadline. */
@Consumes(MediaType.APPLICATION_JSON)
@Path("/notices")
public class NoticeResource {

    private final NoticeService notices;
    private final Caller caller;
    private final CountyScope county;

    NoticeResource(NoticeService notices, Caller caller, CountyScope county) {
        this.notices = notices;
        this.caller = caller;
        this.county = county;
    }

    @GET
    @RolesAllowed({Roles.COMMERCE_OFFICE, Roles.FINANCE, Roles.LEADING_GROUP, Roles.ACCEPTANCE_TEAM, Roles.AUDITOR, Roles.ENTERPRISE})
    public Uni<List<NoticeView>> list() {
        return county.visible("notices").chain(visible -> notices.notices(Actor.of(caller))
                .map(list -> list.stream().filter(n -> visible.test(n.id)).map(NoticeView::of).toList()));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.COMMERCE_OFFICE, Roles.FINANCE, Roles.LEADING_GROUP, Roles.ACCEPTANCE_TEAM, Roles.AUDITOR, Roles.ENTERPRISE})
    public Uni<NoticeView> get(@PathParam("id") UUID id) {
        return notices.notice(id, Actor.of(caller)).map(NoticeView::of);
    }

    /** The enterprise gives the causes and its remedial measures. */
    @POST
    @Path("{id}/response")
    @RolesAllowed(Roles.ENTERPRISE)
    public Uni<NoticeView> respond(@PathParam("id") UUID id, @Valid @NotNull Requests.RespondToNotice request) {
        return notices.respond(id, request, Actor.of(caller)).map(NoticeView::of);
    }

    /** The office confirms the rectification by the deadline. */
    @POST
    @Path("{id}/closure")
    @RolesAllowed(Roles.COMMERCE_OFFICE)
    public Uni<NoticeView> close(@PathParam("id") UUID id, @Valid Requests.CloseNotice request) {
        return notices.close(id, request, Actor.of(caller)).map(NoticeView::of);
    }
}
