package cn.ruralfund.publicity.rest;

import cn.ruralfund.platform.problem.ProblemException;
import cn.ruralfund.publicity.service.OpenContracting;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Open contracting data (OCDS 1.1 release packages) of the program's tenders and awards, for provincial platforms and
 * journalists to aggregate many counties. A package always holds at least one release (the schema's rule): none is 404.
 */
@Path("/ocds")
@PermitAll
public class OcdsResource {

    static final String JSON = "application/json";

    private final OpenContracting ocds;
    private final PublicResponses responses;

    OcdsResource(OpenContracting ocds, PublicResponses responses) {
        this.ocds = ocds;
        this.responses = responses;
    }

    /** Every release, newest first; {@code page} from 0, {@code size} 1–100. */
    @GET
    @Path("/releases")
    public Uni<Response> releases(@QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("100") int size,
                                  @HeaderParam("If-None-Match") String ifNoneMatch, @Context UriInfo uri) {
        AnnouncementResource.Params.page(page, size);
        String path = uri.getRequestUri().getRawPath() + (uri.getRequestUri().getRawQuery() == null ? "" : "?" + uri.getRequestUri().getRawQuery());
        return responses.respond("ocds:" + path, ifNoneMatch, JSON, () -> ocds.releases(null, page, size).map(list -> {
            if (list.isEmpty()) {
                throw ProblemException.notFound("OCDS releases page", page);
            }
            return ocds.releasePackage(path, list);
        }), ocds::bytes);
    }

    /** The releases of one contracting process. */
    @GET
    @Path("/releases/{ocid}")
    public Uni<Response> process(@PathParam("ocid") String ocid, @HeaderParam("If-None-Match") String ifNoneMatch) {
        String path = "/ocds/releases/" + ocid;
        return responses.respond("ocds:" + path, ifNoneMatch, JSON, () -> ocds.releases(ocid, 0, 1000).map(list -> {
            if (list.isEmpty()) {
                throw ProblemException.notFound("contracting process", ocid);
            }
            return ocds.releasePackage(path, list);
        }), ocds::bytes);
    }
}
