package cn.ruralfund.reporting.rest;

import cn.ruralfund.platform.security.Caller;
import cn.ruralfund.platform.security.Roles;
import cn.ruralfund.reporting.domain.Brand;
import cn.ruralfund.reporting.domain.Product;
import cn.ruralfund.reporting.service.Register;
import cn.ruralfund.reporting.service.Reporter;
import cn.ruralfund.reporting.service.SalesFigures;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The brand and product register with its flags (T1, T2, T6), the platform list, and a brand's annual sales. */
@Path("/")
public class BrandResource {

    static final String[] EVERYONE = {Roles.COMMERCE_OFFICE, Roles.FINANCE, Roles.LEADING_GROUP, Roles.AUDITOR, Roles.ENTERPRISE, Roles.TOWNSHIP_ASSISTANT};

    public record BrandView(UUID id, UUID programId, String name, String enterpriseCreditCode, boolean regionalPublicBrand) {
        static BrandView of(Brand b) {
            return new BrandView(b.id, b.programId, b.name, b.enterpriseCode, b.regionalPublicBrand);
        }
    }

    public record ProductView(UUID id, UUID brandId, String name, boolean internetFamous, List<String> certifications) {
        static ProductView of(Product p) {
            return new ProductView(p.id, p.brandId, p.name, p.internetFamous, p.certificationList().stream().map(Enum::name).toList());
        }
    }

    private final Register register;
    private final SalesFigures figures;
    private final Caller caller;
    private final CountyScope county;

    BrandResource(Register register, SalesFigures figures, Caller caller, CountyScope county) {
        this.county = county;
        this.register = register;
        this.figures = figures;
        this.caller = caller;
    }

    @GET
    @Path("platforms")
    @RolesAllowed({Roles.COMMERCE_OFFICE, Roles.FINANCE, Roles.LEADING_GROUP, Roles.AUDITOR, Roles.ENTERPRISE, Roles.TOWNSHIP_ASSISTANT})
    public Uni<List<Map<String, String>>> platforms() {
        return register.platforms().map(rows -> rows.stream().map(r -> Map.of("code", (String) r[0], "name", (String) r[1])).toList());
    }

    @POST
    @Path("brands")
    @RolesAllowed(Roles.COMMERCE_OFFICE)
    public Uni<RestResponse<BrandView>> create(@Valid @NotNull Requests.NewBrand request) {
        return county.check("programs", request.programId()).chain(() -> register.createBrand(request.programId(), request.name(),
                        request.enterpriseCreditCode(), request.regionalPublicBrand(), caller.name()))
                .map(b -> RestResponse.status(RestResponse.Status.CREATED, BrandView.of(b)));
    }

    @GET
    @Path("brands")
    @RolesAllowed({Roles.COMMERCE_OFFICE, Roles.FINANCE, Roles.LEADING_GROUP, Roles.AUDITOR, Roles.ENTERPRISE, Roles.TOWNSHIP_ASSISTANT})
    public Uni<List<BrandView>> brands(@QueryParam("programId") UUID programId) {
        return register.brands(programId).map(list -> list.stream().map(BrandView::of).toList());
    }

    @PUT
    @Path("brands/{id}/flags")
    @RolesAllowed(Roles.COMMERCE_OFFICE)
    public Uni<BrandView> flag(@PathParam("id") UUID id, @Valid @NotNull Requests.BrandFlags request) {
        return register.flagBrand(id, request.regionalPublicBrand(), caller.name()).map(BrandView::of);
    }

    @POST
    @Path("brands/{id}/products")
    @RolesAllowed(Roles.COMMERCE_OFFICE)
    public Uni<RestResponse<ProductView>> addProduct(@PathParam("id") UUID id, @Valid @NotNull Requests.NewProduct request) {
        return register.addProduct(id, request.name(), request.internetFamous(), request.certifications(), caller.name())
                .map(p -> RestResponse.status(RestResponse.Status.CREATED, ProductView.of(p)));
    }

    @PUT
    @Path("brands/{id}/products/{productId}/flags")
    @RolesAllowed(Roles.COMMERCE_OFFICE)
    public Uni<ProductView> flagProduct(@PathParam("id") UUID id, @PathParam("productId") UUID productId, @Valid @NotNull Requests.ProductFlags request) {
        return register.flagProduct(id, productId, request.internetFamous(), request.certifications(), caller.name()).map(ProductView::of);
    }

    @GET
    @Path("brands/{id}/products")
    @RolesAllowed({Roles.COMMERCE_OFFICE, Roles.FINANCE, Roles.LEADING_GROUP, Roles.AUDITOR, Roles.ENTERPRISE, Roles.TOWNSHIP_ASSISTANT})
    public Uni<List<ProductView>> products(@PathParam("id") UUID id) {
        return register.products(id).map(list -> list.stream().map(ProductView::of).toList());
    }

    /** Sales of the brand per calendar year and over the 12 months ending with {@code to} (yyyy-MM, default this month). */
    @GET
    @Path("brands/{id}/sales")
    @RolesAllowed({Roles.COMMERCE_OFFICE, Roles.FINANCE, Roles.LEADING_GROUP, Roles.AUDITOR, Roles.ENTERPRISE})
    public Uni<SalesFigures.BrandSales> brandSales(@PathParam("id") UUID id, @QueryParam("to") String to) {
        return figures.brand(id, to, Reporter.of(caller));
    }

}
