package cn.ruralfund.project.rest;

import cn.ruralfund.project.service.Requests;
import cn.ruralfund.platform.security.Caller;
import cn.ruralfund.platform.security.Roles;
import cn.ruralfund.project.rest.Views.TaskView;
import cn.ruralfund.platform.security.Actor;
import cn.ruralfund.project.service.TaskService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;
import java.util.UUID;

/** Tasks of program directions, with 先建后补 (R20) and responsible units (责任单位) as data. */
@Consumes(MediaType.APPLICATION_JSON)
@Path("/tasks")
public class TaskResource {

    private final TaskService tasks;
    private final Caller caller;
    private final CountyScope county;

    TaskResource(TaskService tasks, Caller caller, CountyScope county) {
        this.tasks = tasks;
        this.caller = caller;
        this.county = county;
    }

    @POST
    @RolesAllowed(Roles.COMMERCE_OFFICE)
    public Uni<RestResponse<TaskView>> create(@Valid @NotNull Requests.CreateTask request, @Context UriInfo uri) {
        return county.check("programs", request.programId()).chain(() -> tasks.create(request, Actor.of(caller)))
                .map(t -> RestResponse.ResponseBuilder.<TaskView>created(uri.getAbsolutePathBuilder().path(t.id.toString()).build())
                        .entity(TaskView.of(t)).type(MediaType.APPLICATION_JSON).build());
    }

    @GET
    @RolesAllowed({Roles.COMMERCE_OFFICE, Roles.FINANCE, Roles.LEADING_GROUP, Roles.ACCEPTANCE_TEAM, Roles.AUDITOR, Roles.ENTERPRISE})
    public Uni<List<TaskView>> list() {
        return county.visible("tasks").chain(visible -> tasks.list()
                .map(list -> list.stream().filter(t -> visible.test(t.id)).map(TaskView::of).toList()));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.COMMERCE_OFFICE, Roles.FINANCE, Roles.LEADING_GROUP, Roles.ACCEPTANCE_TEAM, Roles.AUDITOR, Roles.ENTERPRISE})
    public Uni<TaskView> get(@PathParam("id") UUID id) {
        return tasks.find(id).map(TaskView::of);
    }
}
