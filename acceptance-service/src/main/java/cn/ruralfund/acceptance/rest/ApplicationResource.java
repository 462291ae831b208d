package cn.ruralfund.acceptance.rest;

import cn.ruralfund.acceptance.domain.Application;
import cn.ruralfund.acceptance.domain.AssetClaim;
import cn.ruralfund.acceptance.domain.DuplicateClaimConfirmation;
import cn.ruralfund.acceptance.domain.Invoice;
import cn.ruralfund.acceptance.domain.JointReview;
import cn.ruralfund.acceptance.domain.Material;
import cn.ruralfund.acceptance.domain.OnSiteReview;
import cn.ruralfund.acceptance.domain.TeamMember;
import cn.ruralfund.acceptance.domain.ThirdPartyAudit;
import cn.ruralfund.platform.security.Actor;
import cn.ruralfund.acceptance.service.ApplicationService;
import cn.ruralfund.acceptance.service.ArchiveService;
import cn.ruralfund.acceptance.service.AuditService;
import cn.ruralfund.acceptance.service.Commands;
import cn.ruralfund.acceptance.service.Dossier;
import cn.ruralfund.acceptance.service.DossierService;
import cn.ruralfund.acceptance.service.DuplicateClaimService;
import cn.ruralfund.acceptance.service.MaterialService;
import cn.ruralfund.acceptance.service.ReviewService;
import cn.ruralfund.platform.problem.ProblemException;
import cn.ruralfund.platform.security.Caller;
import cn.ruralfund.platform.security.Roles;
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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * Applications for acceptance (申报, R3) and their reviews (R4): the enterprise applies, uploads materials,
 * records invoices and submits; the office reviews (初审), names the team and concludes; team members review
 * on site; Finance joins the joint review (会审); an auditor records the third-party audit. Every read is scoped:
 * an enterprise sees its own applications, a team member those of its teams, an auditor passed ones.
 */
@Path("/applications")
@Produces(MediaType.APPLICATION_JSON)
public class ApplicationResource {

    private final ApplicationService applications;
    private final MaterialService materials;
    private final ReviewService reviews;
    private final AuditService audits;
    private final DossierService dossiers;
    private final ArchiveService archives;
    private final DuplicateClaimService duplicateClaims;
    private final Caller caller;
    private final CountyScope county;

    ApplicationResource(ApplicationService applications, MaterialService materials, ReviewService reviews, AuditService audits,
                        DossierService dossiers, ArchiveService archives, DuplicateClaimService duplicateClaims, Caller caller,
                        CountyScope county) {
        this.county = county;
        this.applications = applications;
        this.materials = materials;
        this.reviews = reviews;
        this.audits = audits;
        this.dossiers = dossiers;
        this.archives = archives;
        this.duplicateClaims = duplicateClaims;
        this.caller = caller;
    }

    private Actor actor() {
        return Actor.of(caller);
    }

    /** 201 with the created record as JSON. */
    private static <T> RestResponse<T> created(T entity) {
        return RestResponse.ResponseBuilder.<T>create(RestResponse.Status.CREATED).entity(entity).type(MediaType.APPLICATION_JSON).build();
    }

    /** 201 with the created record as JSON and where it is read. */
    private static <T> RestResponse<T> created(URI location, T entity) {
        return RestResponse.ResponseBuilder.<T>created(location).entity(entity).type(MediaType.APPLICATION_JSON).build();
    }

    /** R3: the enterprise applies for acceptance of its own project. */
    @POST
    @RolesAllowed(Roles.ENTERPRISE)
    public Uni<RestResponse<Application>> apply(@Valid @NotNull Commands.Apply request) {
        return applications.apply(request, actor()).map(a -> created(URI.create("/applications/" + a.id), a));
    }

    @GET
    @RolesAllowed({Roles.COMMERCE_OFFICE, Roles.FINANCE, Roles.LEADING_GROUP, Roles.ACCEPTANCE_TEAM, Roles.AUDITOR, Roles.ENTERPRISE})
    public Uni<List<Application>> list() {
        return county.visible("applications").chain(visible -> applications.list(actor())
                .map(list -> list.stream().filter(a -> visible.test(a.id)).toList()));
    }

    /** The whole file: materials, invoices with R15 duplicate claims flagged, what is missing, every review, the history. */
    @GET
    @Path("{id}")
    @RolesAllowed({Roles.COMMERCE_OFFICE, Roles.FINANCE, Roles.LEADING_GROUP, Roles.ACCEPTANCE_TEAM, Roles.AUDITOR, Roles.ENTERPRISE})
    public Uni<Dossier> get(@PathParam("id") UUID id) {
        return dossiers.of(id, actor());
    }

    /** A supporting material (multipart: {@code file}, {@code kind}, optional {@code sha256} of the file as the sender computed it). */
    @POST
    @Path("{id}/materials")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Roles.ENTERPRISE)
    public Uni<RestResponse<Material>> upload(@PathParam("id") UUID id, @RestForm("file") FileUpload file,
                                              @RestForm("kind") String kind, @RestForm("sha256") String sha256) {
        if (file == null) {
            throw ProblemException.invalid("material-file-missing", "the multipart form carries the material in a part named file");
        }
        MaterialService.Upload upload = new MaterialService.Upload(kind, file.fileName(), file.contentType(), sha256, file.uploadedFile(), file.size());
        return materials.upload(id, upload, actor()).map(m -> created(URI.create("/applications/" + id + "/materials/" + m.id), m));
    }

    /** The content of a material, served as the type detected from it. */
    @GET
    @Path("{id}/materials/{materialId}")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({Roles.COMMERCE_OFFICE, Roles.FINANCE, Roles.LEADING_GROUP, Roles.ACCEPTANCE_TEAM, Roles.AUDITOR, Roles.ENTERPRISE})
    public Uni<Response> material(@PathParam("id") UUID id, @PathParam("materialId") UUID materialId) {
        return materials.content(id, materialId, actor()).map(c -> Response.ok(c.bytes(), c.material().detectedType)
                .header("Digest", "sha-256=" + c.material().sha256).build());
    }

    /** R15: an invoice (发票代码 + 发票号码, date, seller, amount) claimed by the application. */
    @POST
    @Path("{id}/invoices")
    @RolesAllowed(Roles.ENTERPRISE)
    public Uni<RestResponse<Invoice>> invoice(@PathParam("id") UUID id, @Valid @NotNull Commands.RecordInvoice request) {
        return applications.recordInvoice(id, request, actor()).map(i -> created(i));
    }

    /** R15: an asset claimed (equipment serial number or facility address). */
    @POST
    @Path("{id}/assets")
    @RolesAllowed(Roles.ENTERPRISE)
    public Uni<RestResponse<AssetClaim>> asset(@PathParam("id") UUID id, @Valid @NotNull Commands.ClaimAsset request) {
        return applications.claimAsset(id, request, actor()).map(c -> created(c));
    }

    /**
     * R15 in one step: the office confirms that a flagged claim of this application duplicates another project's claim;
     * published as duplicate-claim-confirmed, which project-service records as an R15 violation (budget-service recovers).
     */
    @POST
    @Path("{id}/duplicate-claim-confirmations")
    @RolesAllowed(Roles.COMMERCE_OFFICE)
    public Uni<RestResponse<DuplicateClaimConfirmation>> confirmDuplicate(@PathParam("id") UUID id,
                                                                       @Valid @NotNull Commands.ConfirmDuplicateClaim request) {
        return duplicateClaims.confirm(id, request, actor()).map(c -> created(c));
    }

    /** The enterprise submits or resubmits; each submission is a kept version. */
    @POST
    @Path("{id}/submission")
    @RolesAllowed(Roles.ENTERPRISE)
    public Uni<Application> submit(@PathParam("id") UUID id) {
        return applications.submit(id, actor());
    }

    /** 初审 by the office: complete, or incomplete with what is missing. */
    @POST
    @Path("{id}/initial-review")
    @RolesAllowed(Roles.COMMERCE_OFFICE)
    public Uni<Application> initialReview(@PathParam("id") UUID id, @Valid @NotNull Commands.InitialReviewDecision request) {
        return applications.initialReview(id, request, actor());
    }

    /** The office names the acceptance team (at least the configured minimum, none with a declared conflict). */
    @PUT
    @Path("{id}/team")
    @RolesAllowed(Roles.COMMERCE_OFFICE)
    public Uni<List<TeamMember>> team(@PathParam("id") UUID id, @Valid @NotNull Commands.AssignTeam request) {
        return reviews.assignTeam(id, request, actor());
    }

    /** 实地评审 by one member of the team. */
    @POST
    @Path("{id}/on-site-reviews")
    @RolesAllowed(Roles.ACCEPTANCE_TEAM)
    public Uni<RestResponse<OnSiteReview>> onSite(@PathParam("id") UUID id, @Valid @NotNull Commands.RecordOnSiteReview request) {
        return reviews.onSiteReview(id, request, actor()).map(r -> created(r));
    }

    /** 会审: Finance's opinion. */
    @POST
    @Path("{id}/joint-review")
    @RolesAllowed(Roles.FINANCE)
    public Uni<RestResponse<JointReview>> joint(@PathParam("id") UUID id, @Valid @NotNull Commands.RecordJointReview request) {
        return reviews.jointReview(id, request, actor()).map(r -> created(r));
    }

    /** The conclusion 合格 PASS / 不合格 FAIL with reasons (R4); published as acceptance-concluded. */
    @POST
    @Path("{id}/conclusion")
    @RolesAllowed(Roles.COMMERCE_OFFICE)
    public Uni<Application> conclude(@PathParam("id") UUID id, @Valid @NotNull Commands.Conclude request) {
        return reviews.conclude(id, request, actor());
    }

    /** 第三方审计 of a passed application; published as audit-completed. */
    @POST
    @Path("{id}/audit")
    @RolesAllowed(Roles.AUDITOR)
    public Uni<RestResponse<ThirdPartyAudit>> audit(@PathParam("id") UUID id, @Valid @NotNull Commands.RecordAudit request) {
        return audits.record(id, request, actor()).map(a -> created(a));
    }

    /** R6: the whole file as one ZIP with a JSON manifest of SHA-256s. */
    @GET
    @Path("{id}/archive")
    @Produces("application/zip")
    @RolesAllowed({Roles.COMMERCE_OFFICE, Roles.FINANCE, Roles.LEADING_GROUP, Roles.ACCEPTANCE_TEAM, Roles.AUDITOR, Roles.ENTERPRISE})
    public Uni<Response> archive(@PathParam("id") UUID id) {
        return archives.of(id, actor()).map(a -> Response.ok(a.zip(), "application/zip")
                .header("Content-Disposition", "attachment; filename=\"" + a.fileName() + "\"").build());
    }
}
