package cn.ruralfund.budget.service;

import cn.ruralfund.budget.domain.Disbursement;
import cn.ruralfund.budget.domain.PaymentRequestReport;
import cn.ruralfund.platform.audit.AuditTrail;
import cn.ruralfund.platform.problem.ProblemException;
import cn.ruralfund.platform.time.PlatformClock;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

/**
 * 请款报告 (R7) as documents: the office generates a disbursement's payment request report once the request is complete;
 * each generation is stored as a new version (HTML and PDF, each with its SHA-256), so what the leading group read
 * when it approved stays as it was. An acceptance payment is approved only once its report exists.
 */
@ApplicationScoped
public class PaymentRequestReports {

    private final DisbursementService disbursements;
    private final AuditTrail audit;
    private final PlatformClock clock;
    private final String fontPath;
    private TrueTypeFont font;

    PaymentRequestReports(DisbursementService disbursements, AuditTrail audit, PlatformClock clock,
                          @ConfigProperty(name = "budget.report.font") String fontPath) {
        this.disbursements = disbursements;
        this.audit = audit;
        this.clock = clock;
        this.fontPath = fontPath;
    }

    @WithTransaction
    public Uni<PaymentRequestReport> generate(UUID disbursementId, String actor) {
        // the request row is locked: two generations at once get versions n and n+1, never the same number twice
        return Disbursement.<Disbursement>findById(disbursementId, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("disbursement", disbursementId))
                .chain(() -> disbursements.report(disbursementId))
                .chain(data -> PaymentRequestReport.<PaymentRequestReport>find("disbursementId = ?1 order by version desc", disbursementId)
                        .firstResult().chain(last -> {
                            PaymentRequestReport report = new PaymentRequestReport();
                            report.id = UUID.randomUUID();
                            report.disbursementId = disbursementId;
                            report.version = last == null ? 1 : last.version + 1;
                            report.generatedAt = clock.now();
                            report.generatedBy = actor;
                            PaymentRequestDocument document = PaymentRequestDocument.of(data,
                                    DisbursementService.preconditions(data.fact(), data.disbursement(), true), report.version, report.generatedAt, actor);
                            report.html = document.html();
                            report.pdf = render(document);
                            report.htmlSha256 = sha256(report.html.getBytes(StandardCharsets.UTF_8));
                            report.pdfSha256 = sha256(report.pdf);
                            return report.persist()
                                    .chain(() -> audit.record(actor, "payment-request-report.generated", "project", data.project().projectId,
                                            "请款报告 v" + report.version, Map.of("disbursementId", disbursementId, "version", report.version,
                                                    "pdfSha256", report.pdfSha256)))
                                    .replaceWith(report);
                        }));
    }

    /** The latest version; readers are those of the disbursement. */
    @WithSession
    public Uni<PaymentRequestReport> latest(UUID disbursementId) {
        return disbursements.find(disbursementId)
                .chain(d -> PaymentRequestReport.<PaymentRequestReport>find("disbursementId = ?1 order by version desc", disbursementId)
                        .<PaymentRequestReport>firstResult())
                .onItem().ifNull().failWith(() -> ProblemException.rule("no-payment-request-report", "No payment request report",
                        "no report was generated for disbursement " + disbursementId + " yet: POST /disbursements/" + disbursementId + "/report"));
    }

    /** PDFBox renders one document at a time with the shared font. */
    private synchronized byte[] render(PaymentRequestDocument document) {
        if (font == null) {
            font = PaymentRequestDocument.loadFont(fontPath);
        }
        return document.pdf(font);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
