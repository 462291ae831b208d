package cn.ruralfund.acceptance.rest;

import cn.ruralfund.acceptance.domain.ConflictDeclaration;
import cn.ruralfund.platform.security.Actor;
import cn.ruralfund.acceptance.service.Commands;
import cn.ruralfund.acceptance.service.ReviewService;
import cn.ruralfund.platform.security.Caller;
import cn.ruralfund.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;

/** Conflicts of interest (利益冲突): an acceptance-team member declares the enterprises they may not review. */
@Path("/conflicts")
public class ConflictResource {

    private final ReviewService reviews;
    private final Caller caller;

    ConflictResource(ReviewService reviews, Caller caller) {
        this.reviews = reviews;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Roles.ACCEPTANCE_TEAM)
    public Uni<RestResponse<ConflictDeclaration>> declare(@Valid @NotNull Commands.DeclareConflict request) {
        return reviews.declareConflict(request, Actor.of(caller)).map(c -> RestResponse.ResponseBuilder.<ConflictDeclaration>create(RestResponse.Status.CREATED)
                .entity(c).type(MediaType.APPLICATION_JSON).build());
    }
}
