package cn.ruralfund.budget.rest;

import cn.ruralfund.budget.domain.Disbursement;
import cn.ruralfund.budget.domain.ProjectBudget;
import cn.ruralfund.budget.service.DisbursementService;

import java.math.BigDecimal;

/** 请款报告: the payment request report of a disbursement, a self-contained HTML document. */
final class PaymentRequestReport {

    private PaymentRequestReport() {
    }

    static String html(DisbursementService.ReportData r) {
        Disbursement d = r.disbursement();
        ProjectBudget p = r.project();
        StringBuilder s = new StringBuilder();
        s.append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>请款报告 ").append(esc(d.id)).append("</title>")
                .append("<style>body{font-family:sans-serif;max-width:48em;margin:2em auto}table{border-collapse:collapse;width:100%}")
                .append("td,th{border:1px solid #999;padding:.3em .6em;text-align:left}.met{color:#060}.missing{color:#a00}</style></head><body>\n");
        s.append("<h1>请款报告 Payment request report</h1>\n<table>\n");
        row(s, "请款编号 Request", d.id);
        row(s, "资金 Program", r.programName());
        row(s, "使用方向 Direction", r.directionName());
        row(s, "项目 Project", (p.projectName == null ? "" : p.projectName) + " (" + p.projectId + ")");
        row(s, "任务 Task", p.task + (p.buildFirst ? " — 先建后补 build first, subsidise after (R20)" : ""));
        row(s, "承办企业 Enterprise", p.enterpriseName + " · 统一社会信用代码 " + p.enterpriseCode);
        row(s, "专用资金账户 Dedicated account", nz(p.bankName) + " " + nz(p.accountName) + " " + nz(p.accountNumber));
        row(s, "类别 Kind", "PRE_DISBURSEMENT".equals(d.kind) ? "预拨 Pre-disbursement (≤ 50%, R7)" : "验收拨付 Acceptance payment (R7)");
        row(s, "请款金额 Amount (元)", yuan(d.amount));
        row(s, "核定预算 Committed budget (元)", yuan(p.committed));
        row(s, "已拨付 Paid so far (元)", yuan(p.paid));
        row(s, "已追回 Recovered (元)", yuan(p.recovered));
        row(s, "用途 Purpose", d.purpose);
        row(s, "申请 Requested", d.requestedBy + " · " + d.requestedAt);
        row(s, "状态 Status", d.status);
        s.append("</table>\n<h2>前置条件 Preconditions</h2>\n<ul>\n");
        for (var c : DisbursementService.preconditions(r.fact(), "ACCEPTANCE_PAYMENT".equals(d.kind) ? d : null)) {
            if (!"ACCEPTANCE_PAYMENT".equals(d.kind) && !c.code().equals("LEADING_GROUP_APPROVAL")) {
                continue;
            }
            s.append("<li class=\"").append(c.met() ? "met" : "missing").append("\">").append(c.met() ? "✔ " : "✘ ")
                    .append(esc(c.code())).append(": ").append(esc(c.detail())).append("</li>\n");
        }
        if ("PRE_DISBURSEMENT".equals(d.kind)) {
            boolean approved = d.approvedBy != null;
            s.append("<li class=\"").append(approved ? "met" : "missing").append("\">").append(approved ? "✔ " : "✘ ")
                    .append("LEADING_GROUP_APPROVAL: ").append(approved ? esc("approved by " + d.approvedBy + " at " + d.approvedAt) : "not approved")
                    .append("</li>\n");
        }
        s.append("</ul>\n<h2>批示 Approval</h2>\n<p>").append(d.approvedBy == null ? "未批示 not approved yet"
                : esc(d.approvedBy + " · " + d.approvedAt + (d.approvalComment == null ? "" : " · " + d.approvalComment))).append("</p>\n");
        if (d.paidOn != null) {
            s.append("<h2>拨付 Payment</h2>\n<p>").append(esc(d.paidOn + " · 凭证号 voucher " + d.voucherNumber + " · " + nz(d.bankName) + " "
                    + d.accountNumber + " · " + d.paidBy)).append("</p>\n");
        }
        s.append("</body></html>\n");
        return s.toString();
    }

    private static void row(StringBuilder s, String label, Object value) {
        s.append("<tr><th>").append(esc(label)).append("</th><td>").append(esc(value)).append("</td></tr>\n");
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
