package cn.ruralfund.budget.rest;

import cn.ruralfund.budget.service.DisbursementService;
import cn.ruralfund.budget.service.PaymentRequestReports;
import cn.ruralfund.platform.security.Caller;
import cn.ruralfund.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.UUID;

/** A disbursement request: approved once by the leading group, paid once by Finance, and its payment request report. */
@Consumes(MediaType.APPLICATION_JSON)
@Path("/disbursements")
public class DisbursementResource {

    private final DisbursementService disbursements;
    private final PaymentRequestReports reports;
    private final Caller caller;

    DisbursementResource(DisbursementService disbursements, PaymentRequestReports reports, Caller caller) {
        this.disbursements = disbursements;
        this.reports = reports;
        this.caller = caller;
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.COMMERCE_OFFICE, Roles.FINANCE, Roles.LEADING_GROUP, Roles.AUDITOR, Roles.ENTERPRISE})
    public Uni<Views.DisbursementView> get(@PathParam("id") UUID id) {
        return disbursements.find(id).map(Views.DisbursementView::of);
    }

    /** 批示: the leading group approves, once. */
    @POST
    @Path("{id}/approval")
    @RolesAllowed(Roles.LEADING_GROUP)
    public Uni<RestResponse<Views.DisbursementView>> approve(@PathParam("id") UUID id, @HeaderParam("Idempotency-Key") String key,
                                                             @Valid Requests.Approve request) {
        return disbursements.approve(id, request == null ? null : request.comment(), ProjectBudgetResource.IdempotencyKeys.check(key), caller.name())
                .map(r -> RestResponse.ResponseBuilder.ok(Views.DisbursementView.of(r.disbursement()))
                        .header("Idempotent-Replayed", String.valueOf(r.replayed())).type(MediaType.APPLICATION_JSON).build());
    }

    /** Finance records the payment into the enterprise's dedicated account, once. */
    @POST
    @Path("{id}/payment")
    @RolesAllowed(Roles.FINANCE)
    public Uni<RestResponse<Views.DisbursementView>> pay(@PathParam("id") UUID id, @HeaderParam("Idempotency-Key") String key,
                                                         @Valid @jakarta.validation.constraints.NotNull Requests.Pay request) {
        return disbursements.pay(id, request.paidOn(), request.voucherNumber(), request.bankName(), request.accountNumber(),
                        ProjectBudgetResource.IdempotencyKeys.check(key), caller.name())
                .map(r -> RestResponse.ResponseBuilder.ok(Views.DisbursementView.of(r.disbursement()))
                        .header("Idempotent-Replayed", String.valueOf(r.replayed())).type(MediaType.APPLICATION_JSON).build());
    }

    /** 请款报告: the office generates the payment request report, stored as a new version (HTML and PDF, with checksums). */
    @POST
    @Consumes(MediaType.WILDCARD) // no body
    @Path("{id}/report")
    @RolesAllowed(Roles.COMMERCE_OFFICE)
    public Uni<RestResponse<ReportVersion>> generateReport(@PathParam("id") UUID id) {
        return reports.generate(id, caller.name()).map(r -> RestResponse.ResponseBuilder.<ReportVersion>create(RestResponse.Status.CREATED)
                .entity(ReportVersion.of(r)).type(MediaType.APPLICATION_JSON).build());
    }

    /** The latest version of the report, as HTML; its version and checksum in headers. */
    @GET
    @Path("{id}/report")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({Roles.COMMERCE_OFFICE, Roles.FINANCE, Roles.LEADING_GROUP, Roles.AUDITOR})
    public Uni<RestResponse<String>> report(@PathParam("id") UUID id) {
        return reports.latest(id).map(r -> RestResponse.ResponseBuilder.ok(r.html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Report-Version", r.version).header("Digest", "sha-256=" + r.htmlSha256).build());
    }

    /** The latest version of the report, as PDF (A4, Chinese font embedded). */
    @GET
    @Path("{id}/report.pdf")
    @Produces("application/pdf")
    @RolesAllowed({Roles.COMMERCE_OFFICE, Roles.FINANCE, Roles.LEADING_GROUP, Roles.AUDITOR})
    public Uni<RestResponse<byte[]>> reportPdf(@PathParam("id") UUID id) {
        return reports.latest(id).map(r -> RestResponse.ResponseBuilder.ok(r.pdf, "application/pdf")
                .header("Report-Version", r.version).header("Digest", "sha-256=" + r.pdfSha256)
                .header("Content-Disposition", "inline; filename=\"qingkuan-" + id + "-v" + r.version + ".pdf\"").build());
    }

    /** What a generation produced. */
    public record ReportVersion(UUID disbursementId, int version, String htmlSha256, String pdfSha256, java.time.OffsetDateTime generatedAt,
                                String generatedBy) {
        static ReportVersion of(cn.ruralfund.budget.domain.PaymentRequestReport r) {
            return new ReportVersion(r.disbursementId, r.version, r.htmlSha256, r.pdfSha256, r.generatedAt, r.generatedBy);
        }
    }
}
