package cn.ruralfund.project.rest;

import cn.ruralfund.platform.security.Caller;
import cn.ruralfund.platform.security.Roles;
import cn.ruralfund.project.rest.Views.DirectionView;
import cn.ruralfund.project.service.DirectionService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import java.util.List;

/** The program directions project-service knows of (from budget-service's events): where projects can be registered. */
@Path("/program-directions")
public class ProgramDirectionResource {

    private final DirectionService directions;
    private final Caller caller;

    ProgramDirectionResource(DirectionService directions, Caller caller) {
        this.directions = directions;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.COMMERCE_OFFICE, Roles.FINANCE, Roles.LEADING_GROUP, Roles.ACCEPTANCE_TEAM, Roles.AUDITOR})
    public Uni<List<DirectionView>> list() {
        return directions.list().map(list -> list.stream().filter(k -> caller.oversees(k.program().county))
                .map(k -> DirectionView.of(k.program(), k.direction())).toList());
    }
}
