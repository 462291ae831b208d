package cn.ruralfund.reporting.rest;

import cn.ruralfund.platform.problem.ProblemException;
import cn.ruralfund.platform.security.Caller;
import cn.ruralfund.platform.security.Roles;
import cn.ruralfund.reporting.service.CsvImport;
import cn.ruralfund.reporting.service.Reporter;
import cn.ruralfund.reporting.service.SalesInput;
import cn.ruralfund.reporting.service.SalesOutcome;
import cn.ruralfund.reporting.service.SalesService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.util.List;
import java.util.UUID;

/**
 * Online-sales records (网销额) from enterprises (their own brands) and township assistants (their own township, R18):
 * one, a batch (all or nothing), or a CSV file (good rows kept); reading them back, scoped the same way.
 */
@Path("/sales")
public class SalesResource {

    private final SalesService sales;
    private final CsvImport csv;
    private final Caller caller;

    SalesResource(SalesService sales, CsvImport csv, Caller caller) {
        this.sales = sales;
        this.csv = csv;
        this.caller = caller;
    }

    /** 201 for a new record, 200 for a correction (a new version) or an exact duplicate (nothing changed). */
    @POST
    @RolesAllowed({Roles.ENTERPRISE, Roles.TOWNSHIP_ASSISTANT, Roles.COMMERCE_OFFICE})
    public Uni<RestResponse<SalesOutcome>> submit(@NotNull SalesInput input) {
        return sales.submit(input, Reporter.of(caller), "API")
                .map(o -> RestResponse.status(o.outcome() == SalesOutcome.Kind.CREATED ? RestResponse.Status.CREATED : RestResponse.Status.OK, o));
    }

    /** A batch of up to 5,000 records, recorded all together or, if any is refused, not at all (each refusal listed). */
    @POST
    @Path("batch")
    @RolesAllowed({Roles.ENTERPRISE, Roles.TOWNSHIP_ASSISTANT, Roles.COMMERCE_OFFICE})
    public Uni<List<SalesOutcome>> batch(@NotNull List<SalesInput> inputs) {
        return sales.submitAll(inputs, Reporter.of(caller), "API");
    }

    /** A CSV file as the multipart field {@code file}; see {@link CsvImport} for the format and the policy. */
    @POST
    @Path("uploads")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Roles.ENTERPRISE, Roles.TOWNSHIP_ASSISTANT, Roles.COMMERCE_OFFICE})
    public Uni<CsvImport.Report> upload(@RestForm("file") FileUpload file) {
        if (file == null) {
            throw ProblemException.invalid("csv-missing", "send the CSV file as the multipart form field 'file'");
        }
        return csv.importFile(file.uploadedFile(), Reporter.of(caller));
    }

    @GET
    @RolesAllowed({Roles.COMMERCE_OFFICE, Roles.FINANCE, Roles.LEADING_GROUP, Roles.AUDITOR, Roles.ENTERPRISE, Roles.TOWNSHIP_ASSISTANT})
    public Uni<List<SalesService.RecordView>> list(@QueryParam("period") String period, @QueryParam("township") String township) {
        return sales.list(period, township, Reporter.of(caller));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.COMMERCE_OFFICE, Roles.FINANCE, Roles.LEADING_GROUP, Roles.AUDITOR, Roles.ENTERPRISE, Roles.TOWNSHIP_ASSISTANT})
    public Uni<SalesService.RecordView> get(@PathParam("id") UUID id) {
        return sales.get(id, Reporter.of(caller));
    }

    /** Every version of a record, the first report and each correction. */
    @GET
    @Path("{id}/versions")
    @RolesAllowed({Roles.COMMERCE_OFFICE, Roles.FINANCE, Roles.LEADING_GROUP, Roles.AUDITOR, Roles.ENTERPRISE, Roles.TOWNSHIP_ASSISTANT})
    public Uni<List<SalesService.VersionView>> versions(@PathParam("id") UUID id) {
        return sales.versions(id, Reporter.of(caller));
    }
}
