package cn.ruralfund.project.rest;

import cn.ruralfund.project.service.Requests;
import cn.ruralfund.platform.audit.AuditEntry;
import cn.ruralfund.platform.security.Caller;
import cn.ruralfund.platform.security.Roles;
import cn.ruralfund.project.rest.Views.DeviationView;
import cn.ruralfund.project.rest.Views.NoticeView;
import cn.ruralfund.project.rest.Views.PlanView;
import cn.ruralfund.project.rest.Views.ProgressReportView;
import cn.ruralfund.project.rest.Views.ProjectView;
import cn.ruralfund.project.domain.PerformanceEvaluation;
import cn.ruralfund.platform.security.Actor;
import cn.ruralfund.project.service.ProgressService;
import cn.ruralfund.project.service.PerformanceEvaluationService;
import cn.ruralfund.project.service.ProjectService;
import cn.ruralfund.project.service.NoticeService;
import cn.ruralfund.project.service.SupervisionService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Demonstration projects (示范项目), their progress plans, progress reports, deviations, notices,
 * violations and history. The office manages all; an enterprise reads and reports on its own only.
 */
@Consumes(MediaType.APPLICATION_JSON)
@Path("/projects")
public class ProjectResource {

    private final ProjectService projects;
    private final ProgressService progress;
    private final SupervisionService supervision;
    private final NoticeService notices;
    private final PerformanceEvaluationService evaluations;
    private final Caller caller;
    private final CountyScope county;

    ProjectResource(ProjectService projects, ProgressService progress, SupervisionService supervision, NoticeService notices,
                    PerformanceEvaluationService evaluations,
                    Caller caller, CountyScope county) {
        this.county = county;
        this.evaluations = evaluations;
        this.projects = projects;
        this.progress = progress;
        this.supervision = supervision;
        this.notices = notices;
        this.caller = caller;
    }

    /** Registers the project of a tender award and asks budget-service to commit its budget. */
    @POST
    @RolesAllowed(Roles.COMMERCE_OFFICE)
    public Uni<RestResponse<ProjectView>> register(@Valid @NotNull Requests.RegisterProject request, @Context UriInfo uri) {
        return county.check("tenders", request.tenderId()).chain(() -> projects.register(request, Actor.of(caller)))
                .map(p -> RestResponse.ResponseBuilder.<ProjectView>created(uri.getAbsolutePathBuilder().path(p.project().id.toString()).build())
                        .entity(ProjectView.of(p.project(), p.task())).type(MediaType.APPLICATION_JSON).build());
    }

    @GET
    @RolesAllowed({Roles.COMMERCE_OFFICE, Roles.FINANCE, Roles.LEADING_GROUP, Roles.ACCEPTANCE_TEAM, Roles.AUDITOR, Roles.ENTERPRISE})
    public Uni<List<ProjectView>> list() {
        return county.visible("projects").chain(visible -> projects.list(Actor.of(caller))
                .map(list -> list.stream().filter(p -> visible.test(p.project().id)).map(p -> ProjectView.of(p.project(), p.task())).toList()));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.COMMERCE_OFFICE, Roles.FINANCE, Roles.LEADING_GROUP, Roles.ACCEPTANCE_TEAM, Roles.AUDITOR, Roles.ENTERPRISE})
    public Uni<ProjectView> get(@PathParam("id") UUID id) {
        return projects.find(id, Actor.of(caller)).map(p -> ProjectView.of(p.project(), p.task()));
    }

    /** The project's archive (R6): every state change and document, with who, when and why. */
    @GET
    @Path("{id}/history")
    @RolesAllowed({Roles.COMMERCE_OFFICE, Roles.FINANCE, Roles.LEADING_GROUP, Roles.ACCEPTANCE_TEAM, Roles.AUDITOR, Roles.ENTERPRISE})
    public Uni<List<AuditEntry>> history(@PathParam("id") UUID id) {
        return projects.history(id, Actor.of(caller));
    }

    /** The enterprise sets its progress plan (进度计划表); resubmitting replaces it until the office approves it. */
    @PUT
    @Path("{id}/plan")
    @RolesAllowed(Roles.ENTERPRISE)
    public Uni<PlanView> submitPlan(@PathParam("id") UUID id, @Valid @NotNull Requests.SubmitPlan request) {
        return progress.submitPlan(id, request, Actor.of(caller)).map(p -> PlanView.of(p.project(), p.milestones()));
    }

    @POST
    @Consumes(MediaType.WILDCARD) // no body
    @Path("{id}/plan/approval")
    @RolesAllowed(Roles.COMMERCE_OFFICE)
    public Uni<PlanView> approvePlan(@PathParam("id") UUID id) {
        return progress.approvePlan(id, Actor.of(caller)).map(p -> PlanView.of(p.project(), p.milestones()));
    }

    @GET
    @Path("{id}/plan")
    @RolesAllowed({Roles.COMMERCE_OFFICE, Roles.FINANCE, Roles.LEADING_GROUP, Roles.ACCEPTANCE_TEAM, Roles.AUDITOR, Roles.ENTERPRISE})
    public Uni<PlanView> plan(@PathParam("id") UUID id) {
        return progress.plan(id, Actor.of(caller)).map(p -> PlanView.of(p.project(), p.milestones()));
    }

    @POST
    @Path("{id}/progress-reports")
    @RolesAllowed(Roles.ENTERPRISE)
    public Uni<RestResponse<ProgressReportView>> report(@PathParam("id") UUID id, @Valid @NotNull Requests.ReportProgress request) {
        return progress.report(id, request, Actor.of(caller))
                .map(r -> RestResponse.ResponseBuilder.<ProgressReportView>create(RestResponse.Status.CREATED)
                        .entity(ProgressReportView.of(r)).type(MediaType.APPLICATION_JSON).build());
    }

    @GET
    @Path("{id}/progress-reports")
    @RolesAllowed({Roles.COMMERCE_OFFICE, Roles.FINANCE, Roles.LEADING_GROUP, Roles.ACCEPTANCE_TEAM, Roles.AUDITOR, Roles.ENTERPRISE})
    public Uni<List<ProgressReportView>> reports(@PathParam("id") UUID id) {
        return progress.reports(id, Actor.of(caller)).map(list -> list.stream().map(ProgressReportView::of).toList());
    }

    @GET
    @Path("{id}/deviations")
    @RolesAllowed({Roles.COMMERCE_OFFICE, Roles.FINANCE, Roles.LEADING_GROUP, Roles.ACCEPTANCE_TEAM, Roles.AUDITOR, Roles.ENTERPRISE})
    public Uni<List<DeviationView>> deviations(@PathParam("id") UUID id) {
        return supervision.deviations(id, Actor.of(caller)).map(list -> list.stream().map(DeviationView::of).toList());
    }

    /** R12: the enterprise gives the causes of a deviation and its remedial measures. */
    @POST
    @Path("{id}/deviations/{deviationId}/explanation")
    @RolesAllowed(Roles.ENTERPRISE)
    public Uni<DeviationView> explain(@PathParam("id") UUID id, @PathParam("deviationId") UUID deviationId,
                                      @Valid @NotNull Requests.RespondToNotice request) {
        return supervision.explain(id, deviationId, request, Actor.of(caller)).map(DeviationView::of);
    }

    /** The office issues a notice with a deadline (整改通知书: R12 progress delay, R13 inspection/accident, R14 performance). */
    @POST
    @Path("{id}/notices")
    @RolesAllowed(Roles.COMMERCE_OFFICE)
    public Uni<RestResponse<NoticeView>> issue(@PathParam("id") UUID id, @Valid @NotNull Requests.IssueNotice request) {
        return notices.issue(id, request, Actor.of(caller))
                .map(n -> RestResponse.ResponseBuilder.<NoticeView>create(RestResponse.Status.CREATED)
                        .entity(NoticeView.of(n)).type(MediaType.APPLICATION_JSON).build());
    }

    @GET
    @Path("{id}/notices")
    @RolesAllowed({Roles.COMMERCE_OFFICE, Roles.FINANCE, Roles.LEADING_GROUP, Roles.ACCEPTANCE_TEAM, Roles.AUDITOR, Roles.ENTERPRISE})
    public Uni<List<NoticeView>> notices(@PathParam("id") UUID id) {
        return notices.projectNotices(id, Actor.of(caller)).map(list -> list.stream().map(NoticeView::of).toList());
    }

    /** R14: the office records a performance evaluation with its evidence; NOT_MET issues a rectification notice. */
    @POST
    @Path("{id}/performance-evaluations")
    @RolesAllowed(Roles.COMMERCE_OFFICE)
    public Uni<RestResponse<PerformanceEvaluation>> evaluate(@PathParam("id") UUID id, @Valid @NotNull Requests.EvaluatePerformance request) {
        return evaluations.evaluate(id, request, Actor.of(caller))
                .map(e -> RestResponse.ResponseBuilder.<PerformanceEvaluation>create(RestResponse.Status.CREATED)
                        .entity(e).type(MediaType.APPLICATION_JSON).build());
    }

    @GET
    @Path("{id}/performance-evaluations")
    @RolesAllowed({Roles.COMMERCE_OFFICE, Roles.FINANCE, Roles.LEADING_GROUP, Roles.ACCEPTANCE_TEAM, Roles.AUDITOR, Roles.ENTERPRISE})
    public Uni<List<PerformanceEvaluation>> evaluations(@PathParam("id") UUID id) {
        return evaluations.evaluations(id, Actor.of(caller));
    }

    /** R11/R15: a confirmed violation disqualifies the project and bars the enterprise from new projects. */
    @POST
    @Path("{id}/violations")
    @RolesAllowed(Roles.COMMERCE_OFFICE)
    public Uni<RestResponse<Map<String, Object>>> violation(@PathParam("id") UUID id, @Valid @NotNull Requests.ConfirmViolation request) {
        return projects.confirmViolation(id, request, Actor.of(caller))
                .map(v -> RestResponse.ResponseBuilder.<Map<String, Object>>create(RestResponse.Status.CREATED)
                        .entity(Map.of("id", v.id, "projectId", v.projectId, "enterpriseId", v.enterpriseId, "kind", v.kind,
                                "confirmedAt", v.confirmedAt))
                        .type(MediaType.APPLICATION_JSON).build());
    }
}
