package cn.ruralfund.reporting.service;

import cn.ruralfund.platform.audit.AuditTrail;
import cn.ruralfund.platform.problem.ProblemException;
import cn.ruralfund.platform.time.PlatformClock;
import cn.ruralfund.reporting.domain.Brand;
import cn.ruralfund.reporting.domain.Certification;
import cn.ruralfund.reporting.domain.Product;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The brand and product register (品牌/产品名录) with its flags for T1, T2 and T6, kept by the e-commerce office. */
@ApplicationScoped
public class Register {

    private final AuditTrail audit;
    private final PlatformClock clock;

    Register(AuditTrail audit, PlatformClock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Brand> createBrand(UUID programId, String name, String enterpriseCode, boolean regionalPublicBrand, String actor) {
        String clean = name.strip();
        return TargetTable.program(programId).chain(() -> Brand.count("name", clean)).chain(n -> {
            if (n > 0) {
                throw ProblemException.conflict("brand-exists", "Brand already registered", "a brand named " + clean + " is registered");
            }
            Brand b = new Brand();
            b.id = UUID.randomUUID();
            b.programId = programId;
            b.name = clean;
            b.enterpriseCode = enterpriseCode.strip();
            b.regionalPublicBrand = regionalPublicBrand;
            b.createdAt = clock.now();
            return b.persist().chain(() -> audit.record(actor, "brand.registered", "brand", b.id, null,
                    Map.of("name", b.name, "enterprise", b.enterpriseCode, "regionalPublicBrand", regionalPublicBrand))).replaceWith(b);
        });
    }

    @WithTransaction
    public Uni<Brand> flagBrand(UUID brandId, boolean regionalPublicBrand, String actor) {
        return brand(brandId).chain(b -> {
            b.regionalPublicBrand = regionalPublicBrand;
            return audit.record(actor, "brand.flagged", "brand", b.id, null, Map.of("regionalPublicBrand", regionalPublicBrand)).replaceWith(b);
        });
    }

    @WithTransaction
    public Uni<Product> addProduct(UUID brandId, String name, boolean internetFamous, List<String> certifications, String actor) {
        String codes = certifications(certifications);
        String clean = name.strip();
        return brand(brandId).chain(b -> Product.count("brandId = ?1 and name = ?2", brandId, clean).chain(n -> {
            if (n > 0) {
                throw ProblemException.conflict("product-exists", "Product already registered", "brand " + b.name + " already has a product " + clean);
            }
            Product p = new Product();
            p.id = UUID.randomUUID();
            p.brandId = brandId;
            p.name = clean;
            p.internetFamous = internetFamous;
            p.certifications = codes;
            return p.persist().chain(() -> audit.record(actor, "product.registered", "brand", brandId, null,
                    Map.of("product", clean, "internetFamous", internetFamous, "certifications", codes))).replaceWith(p);
        }));
    }

    @WithTransaction
    public Uni<Product> flagProduct(UUID brandId, UUID productId, boolean internetFamous, List<String> certifications, String actor) {
        String codes = certifications(certifications);
        return Product.<Product>findById(productId).chain(p -> {
            if (p == null || !p.brandId.equals(brandId)) {
                throw ProblemException.notFound("product", productId);
            }
            p.internetFamous = internetFamous;
            p.certifications = codes;
            return audit.record(actor, "product.flagged", "brand", brandId, null,
                    Map.of("product", p.name, "internetFamous", internetFamous, "certifications", codes)).replaceWith(p);
        });
    }

    private static String certifications(List<String> given) {
        Set<String> codes = new LinkedHashSet<>();
        for (String c : given == null ? List.<String>of() : given) {
            try {
                codes.add(Certification.valueOf(c.strip()).name());
            } catch (IllegalArgumentException | NullPointerException e) {
                throw ProblemException.invalid("unknown-certification", "certification " + c + " is not one of "
                        + List.of(Certification.values()) + " (三品一标)");
            }
        }
        return String.join(",", codes);
    }

    public static Uni<Brand> brand(UUID id) {
        return Brand.<Brand>findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("brand", id));
    }

    @WithSession
    public Uni<List<Brand>> brands(UUID programId) {
        return programId == null ? Brand.list("order by name") : Brand.list("programId = ?1 order by name", programId);
    }

    @WithSession
    public Uni<List<Product>> products(UUID brandId) {
        return brand(brandId).chain(b -> Product.list("brandId = ?1 order by name", brandId));
    }

    @WithSession
    public Uni<List<Object[]>> platforms() {
        return Panache.getSession().chain(s -> s.createNativeQuery("select code, name from sales_platform order by sort", Object[].class).getResultList());
    }

    private volatile RegisterSnapshot cached;

    /**
     * The last register read, for a stream of single records (the machine feed). Brands and products are only ever
     * added and their owner never changes, so a stale copy can only miss a new one: call {@link #snapshot()} again
     * before refusing a record as unknown.
     */
    public Uni<RegisterSnapshot> cachedSnapshot() {
        RegisterSnapshot c = cached;
        return c != null ? Uni.createFrom().item(c) : snapshot();
    }

    /** The whole register, to check many rows without a query each (runs in the caller's session). */
    public Uni<RegisterSnapshot> snapshot() {
        return Brand.<Brand>listAll().chain(brands -> Product.<Product>listAll().chain(products ->
                Panache.getSession().chain(s -> s.createNativeQuery("select code from sales_platform", String.class).getResultList())
                        .map(codes -> {
                            RegisterSnapshot fresh = new RegisterSnapshot(brands, products, new HashSet<>(codes));
                            cached = fresh;
                            return fresh;
                        })));
    }

}
