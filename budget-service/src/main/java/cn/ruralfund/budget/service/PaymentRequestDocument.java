package cn.ruralfund.budget.service;

import cn.ruralfund.budget.domain.ChineseAmount;
import cn.ruralfund.budget.domain.Disbursement;
import cn.ruralfund.budget.domain.ProjectBudget;
import cn.ruralfund.budget.domain.ProjectFunds;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * 请款报告 (R7): the payment request report of a disbursement, laid out once as rows and rendered as HTML and as an A4
 * PDF with a Chinese font embedded (subset), so that the document reads the same on any machine. Amounts are printed
 * in figures and in capital numerals (大写).
 */
final class PaymentRequestDocument {

    record Row(String label, String value) {
    }

    record Check(String code, boolean met, String detail) {
    }

    private final String title;
    private final List<Row> rows = new ArrayList<>();
    private final List<Check> checks = new ArrayList<>();
    private final List<Row> decisions = new ArrayList<>();

    private PaymentRequestDocument(String title) {
        this.title = title;
    }

    static PaymentRequestDocument of(DisbursementService.ReportData r, List<DisbursementService.Precondition> preconditions, int version,
                                     OffsetDateTime generatedAt, String generatedBy) {
        Disbursement d = r.disbursement();
        ProjectBudget p = r.project();
        boolean pre = d.kind == ProjectFunds.Kind.PRE_DISBURSEMENT;
        PaymentRequestDocument doc = new PaymentRequestDocument("请款报告 Payment request report");
        doc.row("请款编号 Request", d.id.toString());
        doc.row("报告版本 Version", version + " · " + generatedAt + " · " + generatedBy);
        doc.row("资金 Program", r.programName());
        doc.row("使用方向 Direction", r.directionName());
        doc.row("项目 Project", (p.projectName == null ? "" : p.projectName) + " (" + p.projectId + ")");
        doc.row("任务 Task", p.task + (p.buildFirst ? " — 先建后补 build first, subsidise after (R20)" : ""));
        doc.row("承办企业 Enterprise", p.enterpriseName + " · 统一社会信用代码 " + p.enterpriseCode);
        doc.row("专用资金账户 Dedicated account", nz(p.bankName) + " " + nz(p.accountName) + " " + nz(p.accountNumber));
        doc.row("类别 Kind", pre ? "预拨 Pre-disbursement (≤ " + p.preDisbursementCapPercent + "%, R7)" : "验收拨付 Acceptance payment (R7)");
        doc.row("请款金额 Amount (元)", yuan(d.amount));
        doc.row("大写金额 Amount in words", ChineseAmount.of(d.amount));
        doc.row("核定预算 Committed budget (元)", yuan(p.committed));
        doc.row("已拨付 Paid so far (元)", yuan(p.paid));
        doc.row("已追回 Recovered (元)", yuan(p.recovered));
        if (pre) {
            doc.row("实施进度 Progress (R2)", (d.progressPercent == null ? "未报告 no progress reported"
                    : d.progressPercent.toPlainString() + "% · " + d.progressReportedOn) + (d.aheadOfProgress ? " — 超进度请款 ahead of progress" : ""));
        }
        doc.row("用途 Purpose", nz(d.purpose));
        doc.row("申请 Requested", d.requestedBy + " · " + d.requestedAt);
        doc.row("状态 Status", d.status.name());
        if (pre) {
            boolean approved = d.approvedBy != null;
            doc.checks.add(new Check("LEADING_GROUP_APPROVAL", approved, approved ? "approved by " + d.approvedBy + " at " + d.approvedAt : "not approved"));
        } else {
            preconditions.forEach(c -> doc.checks.add(new Check(c.code(), c.met(), c.detail())));
        }
        doc.decisions.add(new Row("批示 Approval", d.approvedBy == null ? "未批示 not approved yet"
                : d.approvedBy + " · " + d.approvedAt + (d.approvalComment == null ? "" : " · " + d.approvalComment)));
        if (d.paidOn != null) {
            doc.decisions.add(new Row("拨付 Payment", d.paidOn + " · 凭证号 voucher " + d.voucherNumber + " · " + nz(d.bankName) + " "
                    + d.accountNumber + " · " + d.paidBy));
        }
        return doc;
    }

    private void row(String label, String value) {
        rows.add(new Row(label, value));
    }

    String html() {
        StringBuilder s = new StringBuilder();
        s.append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>").append(esc(title)).append("</title>")
                .append("<style>body{font-family:sans-serif;max-width:48em;margin:2em auto}table{border-collapse:collapse;width:100%}")
                .append("td,th{border:1px solid #999;padding:.3em .6em;text-align:left}.met{color:#060}.missing{color:#a00}</style></head><body>\n");
        s.append("<h1>").append(esc(title)).append("</h1>\n<table>\n");
        rows.forEach(r -> s.append("<tr><th>").append(esc(r.label())).append("</th><td>").append(esc(r.value())).append("</td></tr>\n"));
        s.append("</table>\n<h2>前置条件 Preconditions</h2>\n<ul>\n");
        checks.forEach(c -> s.append("<li class=\"").append(c.met() ? "met" : "missing").append("\">").append(c.met() ? "✔ " : "✘ ")
                .append(esc(c.code())).append(": ").append(esc(c.detail())).append("</li>\n"));
        s.append("</ul>\n");
        decisions.forEach(r -> s.append("<h2>").append(esc(r.label())).append("</h2>\n<p>").append(esc(r.value())).append("</p>\n"));
        return s.append("</body></html>\n").toString();
    }

    /** A4 pages, one line per row, long values wrapped; the font is embedded as a subset. */
    byte[] pdf(TrueTypeFont font) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType0Font type0 = PDType0Font.load(doc, font, true);
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(title);
            info.setCreator("ruralfund budget-service");
            Pages pages = new Pages(doc, type0);
            pages.line(title, 16, 0);
            pages.gap(8);
            rows.forEach(r -> pages.wrapped(r.label() + "：" + r.value(), 10));
            pages.gap(8);
            pages.line("前置条件 Preconditions", 12, 0);
            checks.forEach(c -> pages.wrapped((c.met() ? "[已满足 met] " : "[未满足 missing] ") + c.code() + ": " + c.detail(), 10));
            pages.gap(8);
            decisions.forEach(r -> pages.wrapped(r.label() + "：" + r.value(), 10));
            pages.close();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads the font file named by {@code budget.report.font}: a TrueType font, or the first font of a collection. */
    static TrueTypeFont loadFont(String path) {
        try {
            File file = new File(path);
            if (path.toLowerCase().endsWith(".ttc")) {
                TrueTypeFont[] first = new TrueTypeFont[1];
                new TrueTypeCollection(file).processAllFonts(f -> {
                    if (first[0] == null) {
                        first[0] = f;
                    }
                });
                return first[0];
            }
            return new TTFParser().parse(new RandomAccessReadBufferedFile(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the report font " + path + " (budget.report.font)", e);
        }
    }

    /** Writes lines top to bottom, starting a new A4 page when one is full. */
    private static final class Pages {
        private static final float MARGIN = 50;
        private final PDDocument doc;
        private final PDType0Font font;
        private PDPageContentStream stream;
        private float y;

        Pages(PDDocument doc, PDType0Font font) throws IOException {
            this.doc = doc;
            this.font = font;
            newPage();
        }

        private void newPage() throws IOException {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            stream = new PDPageContentStream(doc, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }

        void gap(float points) {
            y -= points;
        }

        void line(String text, float size, float indent) {
            try {
                if (y - size * 1.6f < MARGIN) {
                    newPage();
                }
                y -= size * 1.6f;
                stream.beginText();
                stream.setFont(font, size);
                stream.newLineAtOffset(MARGIN + indent, y);
                stream.showText(printable(text));
                stream.endText();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Wraps at the page width, measured with the font. */
        void wrapped(String text, float size) {
            float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
            String rest = printable(text);
            float indent = 0;
            while (!rest.isEmpty()) {
                int end = rest.length();
                while (end > 1 && widthOf(rest.substring(0, end), size) > width - indent) {
                    end--;
                }
                line(rest.substring(0, end), size, indent);
                rest = rest.substring(end);
                indent = 2 * size;
            }
        }

        private float widthOf(String text, float size) {
            try {
                return font.getStringWidth(text) / 1000 * size;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The font lacks a few symbols: each character it cannot draw becomes '?'. */
        private String printable(String text) {
            StringBuilder s = new StringBuilder();
            text.codePoints().forEach(cp -> {
                String c = new String(Character.toChars(cp));
                try {
                    font.encode(c);
                    s.append(c);
                } catch (IOException | IllegalArgumentException e) {
                    s.append('?');
                }
            });
            return s.toString();
        }

        void close() throws IOException {
            stream.close();
        }
    }

    private static String yuan(BigDecimal b) {
        return b == null ? "" : String.format("%,.2f", b);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    static String esc(Object o) {
        if (o == null) {
            return "";
        }
        return o.toString().replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
