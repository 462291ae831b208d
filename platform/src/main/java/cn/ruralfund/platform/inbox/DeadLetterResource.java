package cn.ruralfund.platform.inbox;

import cn.ruralfund.platform.security.Roles;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** For the engineer on call: after the fault behind some dead letters is fixed, put them back on their topics. */
@Path("/admin/dead-letters")
@Tag(name = "operations")
public class DeadLetterResource {

    private final DeadLetterReplay replay;

    DeadLetterResource(DeadLetterReplay replay) {
        this.replay = replay;
    }

    @POST
    @Consumes(jakarta.ws.rs.core.MediaType.WILDCARD) // no body
    @Path("/replay")
    @Blocking
    @RolesAllowed(Roles.OPERATOR)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Re-publish this service's dead letters to their original topics (idempotent consumers make it safe)")
    public DeadLetterReplay.Result replay() {
        return replay.replay();
    }
}
