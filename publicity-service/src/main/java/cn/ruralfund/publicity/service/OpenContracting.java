package cn.ruralfund.publicity.service;

import cn.ruralfund.platform.contracts.BudgetCommittedV1;
import cn.ruralfund.platform.contracts.DisbursementPaidV1;
import cn.ruralfund.platform.contracts.TenderAwardedV1;
import cn.ruralfund.platform.time.PlatformClock;
import cn.ruralfund.publicity.domain.OcdsRelease;
import cn.ruralfund.publicity.domain.ProjectFact;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * Open contracting data (OCDS 1.1), each release kept as published, and release packages for the public endpoint:
 * <ul>
 * <li>a tender award (R17): ocid {@code <prefix>-<tenderId>}, tag {@code award};</li>
 * <li>a project as the contract of its subsidy (奖补资金), from budget-service's {@code budget-committed}: ocid
 * {@code <prefix>-project-<projectId>}, tag {@code contract} (an amendment of the budget: {@code contractUpdate}), the
 * award of the committed subsidy to the undertaking enterprise and the contract with that value;</li>
 * <li>each payment (拨付), from {@code disbursement-paid}: tag {@code implementation}, a transaction of the project's
 * contract from the buyer to the enterprise, exact to the fen. No account number or voucher is published.</li>
 * </ul>
 * A publisher registers its ocid prefix with the OCDS Data Support Team.
 */
@ApplicationScoped
public class OpenContracting {

    private final ObjectMapper mapper;
    private final PlatformClock clock;
    private final PublicCache cache;
    private final String prefix;
    private final String buyer;
    private final String publisher;
    private final String base;

    OpenContracting(ObjectMapper mapper, PlatformClock clock, PublicCache cache,
                    @ConfigProperty(name = "publicity.ocds.ocid-prefix") String prefix,
                    @ConfigProperty(name = "publicity.ocds.buyer") String buyer,
                    @ConfigProperty(name = "publicity.ocds.publisher") String publisher,
                    @ConfigProperty(name = "publicity.portal.base-url", defaultValue = "http://localhost:8084") String base) {
        // Money keeps its fen: 1280000.50, never 1280000.5 or 1.2800005E+6.
        this.mapper = mapper.copy()
                .configure(com.fasterxml.jackson.databind.cfg.JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
                .enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .setNodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true));
        this.clock = clock;
        this.cache = cache;
        this.prefix = prefix;
        this.buyer = buyer;
        this.publisher = publisher;
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public String ocid(Object processId) {
        return prefix + "-" + processId;
    }

    /** The award release of a tender (tag {@code award}), with the tender it closes. */
    public Uni<OcdsRelease> tenderAwarded(TenderAwardedV1 t, String eventId) {
        OffsetDateTime date = clock.now();
        ObjectNode r = mapper.createObjectNode();
        r.put("ocid", ocid(t.tenderId()));
        r.put("id", "award-" + eventId);
        r.put("date", iso(date));
        r.putArray("tag").add("award");
        r.put("initiationType", "tender");
        r.put("language", "zh");
        ArrayNode parties = r.putArray("parties");
        ObjectNode buyerParty = parties.addObject();
        buyerParty.put("id", "buyer");
        buyerParty.put("name", buyer);
        buyerParty.putArray("roles").add("buyer").add("procuringEntity");
        ObjectNode supplier = parties.addObject();
        supplier.put("id", "CN-USCC-" + t.enterpriseCreditCode());
        supplier.put("name", t.enterpriseName());
        supplier.putObject("identifier").put("scheme", "CN-USCC").put("id", t.enterpriseCreditCode()).put("legalName", t.enterpriseName());
        supplier.putArray("roles").add("supplier");
        r.putObject("buyer").put("id", "buyer").put("name", buyer);
        ObjectNode tender = r.putObject("tender");
        tender.put("id", t.tenderReference() == null ? t.tenderId().toString() : t.tenderReference());
        tender.put("title", t.title());
        if (t.task() != null) {
            tender.put("description", t.task());
        }
        tender.put("status", "complete");
        tender.put("procurementMethod", "open");
        tender.put("numberOfTenderers", t.bids());
        tender.putObject("procuringEntity").put("id", "buyer").put("name", buyer);
        ObjectNode award = r.putArray("awards").addObject();
        award.put("id", t.awardReference() == null ? t.tenderId().toString() : t.awardReference());
        award.put("title", t.title());
        award.put("status", "active");
        award.put("date", iso(t.awardDate().atStartOfDay(ZoneId.of("Asia/Shanghai")).toOffsetDateTime()));
        award.putObject("value").put("amount", t.amount().setScale(2, java.math.RoundingMode.UNNECESSARY)).put("currency", "CNY");
        award.putArray("suppliers").addObject().put("id", supplier.get("id").asText()).put("name", t.enterpriseName());
        OcdsRelease release = new OcdsRelease();
        release.releaseId = r.get("id").asText();
        release.ocid = r.get("ocid").asText();
        release.date = date;
        release.tag = "award";
        release.json = new String(bytes(r), java.nio.charset.StandardCharsets.UTF_8);
        return release.<OcdsRelease>persist().invoke(() -> cache.invalidate());
    }

    /** The ocid of a project's contracting process: its subsidy, awarded and contracted to the undertaking enterprise. */
    public String projectOcid(java.util.UUID projectId) {
        return prefix + "-project-" + projectId;
    }

    /** The project's contract release (tag {@code contract}, or {@code contractUpdate} when the budget was amended). */
    public Uni<OcdsRelease> budgetCommitted(BudgetCommittedV1 b, String eventId) {
        return ProjectFact.<ProjectFact>findById(b.projectId()).chain(project -> {
            OffsetDateTime date = clock.now();
            String tag = b.revision() <= 1 ? "contract" : "contractUpdate";
            String code = b.enterpriseCreditCode() != null ? b.enterpriseCreditCode() : project == null ? null : project.enterpriseCode;
            String enterprise = project == null || project.enterpriseName == null ? code : project.enterpriseName;
            String title = project == null || project.name == null ? "项目 " + b.projectId() : project.name;
            ObjectNode r = release(projectOcid(b.projectId()), "contract-" + eventId, date, tag, code, enterprise);
            ObjectNode award = r.putArray("awards").addObject();
            award.put("id", awardId(b.projectId()));
            award.put("title", title);
            award.put("status", "active");
            value(award, b.committed());
            if (code != null) {
                award.putArray("suppliers").addObject().put("id", supplierId(code)).put("name", enterprise);
            }
            ObjectNode contract = r.putArray("contracts").addObject();
            contract.put("id", b.projectId().toString());
            contract.put("awardID", awardId(b.projectId()));
            contract.put("title", title);
            if (project != null && project.task != null) {
                contract.put("description", project.task);
            }
            contract.put("status", "active");
            value(contract, b.committed());
            return save(r, date, tag);
        });
    }

    /** A payment to the project's enterprise, as an implementation transaction of its contract. */
    public Uni<OcdsRelease> disbursementPaid(DisbursementPaidV1 p, String eventId) {
        return ProjectFact.<ProjectFact>findById(p.projectId()).chain(project -> {
            OffsetDateTime date = clock.now();
            String code = p.enterpriseCreditCode() != null ? p.enterpriseCreditCode() : project == null ? null : project.enterpriseCode;
            String enterprise = project == null || project.enterpriseName == null ? code : project.enterpriseName;
            ObjectNode r = release(projectOcid(p.projectId()), "payment-" + eventId, date, "implementation", code, enterprise);
            ObjectNode contract = r.putArray("contracts").addObject();
            contract.put("id", p.projectId().toString());
            contract.put("awardID", awardId(p.projectId()));
            ObjectNode transaction = contract.putObject("implementation").putArray("transactions").addObject();
            transaction.put("id", p.disbursementId().toString());
            transaction.put("source", base + "/ocds/releases/" + projectOcid(p.projectId()));
            transaction.put("date", iso(p.paidOn().atStartOfDay(ZoneId.of("Asia/Shanghai")).toOffsetDateTime()));
            value(transaction, p.amount());
            transaction.putObject("payer").put("id", "buyer").put("name", buyer);
            if (code != null) {
                transaction.putObject("payee").put("id", supplierId(code)).put("name", enterprise);
            }
            return save(r, date, "implementation");
        });
    }

    private ObjectNode release(String ocid, String id, OffsetDateTime date, String tag, String code, String enterprise) {
        ObjectNode r = mapper.createObjectNode();
        r.put("ocid", ocid);
        r.put("id", id);
        r.put("date", iso(date));
        r.putArray("tag").add(tag);
        r.put("initiationType", "tender");
        r.put("language", "zh");
        ArrayNode parties = r.putArray("parties");
        ObjectNode buyerParty = parties.addObject();
        buyerParty.put("id", "buyer");
        buyerParty.put("name", buyer);
        buyerParty.putArray("roles").add("buyer").add("payer");
        if (code != null) {
            ObjectNode supplier = parties.addObject();
            supplier.put("id", supplierId(code));
            supplier.put("name", enterprise);
            supplier.putObject("identifier").put("scheme", "CN-USCC").put("id", code).put("legalName", enterprise);
            supplier.putArray("roles").add("supplier").add("payee");
        }
        r.putObject("buyer").put("id", "buyer").put("name", buyer);
        return r;
    }

    private Uni<OcdsRelease> save(ObjectNode r, OffsetDateTime date, String tag) {
        OcdsRelease release = new OcdsRelease();
        release.releaseId = r.get("id").asText();
        release.ocid = r.get("ocid").asText();
        release.date = date;
        release.tag = tag;
        release.json = new String(bytes(r), java.nio.charset.StandardCharsets.UTF_8);
        return release.<OcdsRelease>persist().invoke(() -> cache.invalidate());
    }

    private static String supplierId(String code) {
        return "CN-USCC-" + code;
    }

    private static String awardId(java.util.UUID projectId) {
        return "subsidy-" + projectId;
    }

    private static void value(ObjectNode node, java.math.BigDecimal amount) {
        node.putObject("value").put("amount", amount.setScale(2, java.math.RoundingMode.UNNECESSARY)).put("currency", "CNY");
    }

    /** A release package (OCDS 1.1) of releases newest first; empty when there are none. */
    public Uni<List<OcdsRelease>> releases(String ocid, int page, int size) {
        return (ocid == null
                ? OcdsRelease.<OcdsRelease>find("order by seq desc")
                : OcdsRelease.<OcdsRelease>find("ocid = ?1 order by seq desc", ocid)).page(Page.of(page, size)).list();
    }

    public JsonNode releasePackage(String uri, List<OcdsRelease> releases) {
        ObjectNode p = mapper.createObjectNode();
        p.put("uri", base + uri);
        p.put("version", "1.1");
        p.put("publishedDate", iso(releases.stream().map(r -> r.date).max(OffsetDateTime::compareTo).orElse(clock.now())));
        p.putObject("publisher").put("name", publisher);
        p.put("license", "https://creativecommons.org/licenses/by/4.0/");
        p.put("publicationPolicy", base + "/portal/notices");
        ArrayNode list = p.putArray("releases");
        for (OcdsRelease r : releases) {
            try {
                list.add(mapper.readTree(r.json));
            } catch (Exception e) {
                throw new IllegalStateException("release " + r.releaseId + " is not JSON", e);
            }
        }
        return p;
    }

    /** The package as published: JSON, money exact. */
    public byte[] bytes(JsonNode releasePackage) {
        try {
            return mapper.writeValueAsBytes(releasePackage);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String iso(OffsetDateTime t) {
        return java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t.withNano(0));
    }
}
