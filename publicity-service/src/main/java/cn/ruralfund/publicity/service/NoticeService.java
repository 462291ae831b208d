package cn.ruralfund.publicity.service;

import cn.ruralfund.platform.audit.AuditTrail;
import cn.ruralfund.platform.contracts.AcceptanceConcludedV1;
import cn.ruralfund.platform.contracts.ApplicationSubmittedV1;
import cn.ruralfund.platform.contracts.ReviewRecordedV1;
import cn.ruralfund.platform.contracts.EnterpriseDisqualifiedV2;
import cn.ruralfund.platform.contracts.ViolationConfirmedV1;
import cn.ruralfund.platform.contracts.RectificationIssuedV1;
import cn.ruralfund.platform.contracts.TenderAwardedV1;
import cn.ruralfund.platform.problem.ProblemException;
import cn.ruralfund.platform.time.PlatformClock;
import cn.ruralfund.publicity.domain.NoticeRevision;
import cn.ruralfund.publicity.domain.ProjectFact;
import cn.ruralfund.publicity.domain.PublicNotice;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

/**
 * Public notices (R11, R15–R17) made from the other services' events; the office may correct or withdraw one, and
 * every version published stays in its history (R6).
 */
@ApplicationScoped
public class NoticeService {

    private static final java.time.ZoneId CHINA = java.time.ZoneId.of("Asia/Shanghai");

    private final AuditTrail audit;
    private final PlatformClock clock;
    private final PublicCache cache;

    NoticeService(AuditTrail audit, PlatformClock clock, PublicCache cache) {
        this.audit = audit;
        this.clock = clock;
        this.cache = cache;
    }

    /** 中标公告 (R17). */
    public Uni<PublicNotice> tenderAwarded(TenderAwardedV1 t, String eventId, String actor) {
        PublicNotice n = notice(PublicNotice.Kind.TENDER_AWARD, "R17", eventId);
        n.programId = t.programId();
        n.enterpriseCode = t.enterpriseCreditCode();
        n.title = "中标公告：" + t.title();
        n.body = "招标项目" + t.title() + "（招标编号 " + t.tenderReference() + "，任务：" + t.task() + "）共收到" + t.bids()
                + "份投标，经评审，于" + t.awardDate() + "确定中标单位为" + t.enterpriseName() + "（统一社会信用代码 "
                + t.enterpriseCreditCode() + "），中标金额人民币" + yuan(t.amount()) + "元。中标通知书编号：" + t.awardReference() + "。";
        return publish(n, actor);
    }

    /**
     * 取消承办资格 (R11–R15, with the rule that caused it, unchanged): the enterprise's role in the program ends on all its
     * projects. Names the enterprise and its unified social credit code; never a contact or an account.
     */
    public Uni<PublicNotice> disqualified(EnterpriseDisqualifiedV2 d, String eventId, String actor) {
        PublicNotice n = notice(PublicNotice.Kind.DISQUALIFICATION, d.rule(), eventId);
        n.programId = d.programId();
        n.enterpriseCode = d.enterpriseCreditCode();
        n.projectId = d.recoverFrom() != null && d.recoverFrom().size() == 1 ? d.recoverFrom().get(0) : null;
        String name = d.enterpriseName() == null || d.enterpriseName().isBlank() ? "承办企业" : d.enterpriseName();
        n.title = "关于取消" + name + "承办资格的公告";
        n.body = name + "（统一社会信用代码 " + d.enterpriseCreditCode() + "）因" + d.reason() + "，依据规则 "
                + d.rule() + "，自" + d.disqualifiedAt().atZoneSameInstant(CHINA).toLocalDate()
                + "起取消其在本示范项目中的承办资格，停止拨付其全部项目资金，不得再参与本项目的招标和申报"
                + (d.recoverFrom() == null || d.recoverFrom().isEmpty() ? "。" : "；违规或未完成所涉项目已拨付的资金依规全额追回。");
        return publish(n, actor);
    }

    /** 违规处理通报 (R11) or 通报批评 of a false or duplicate subsidy claim (R15): public notice of a confirmed violation. */
    public Uni<PublicNotice> violationConfirmed(ViolationConfirmedV1 v, String eventId, String actor) {
        return ProjectFact.<ProjectFact>findById(v.projectId()).chain(project -> {
            PublicNotice n = notice(PublicNotice.Kind.VIOLATION, v.rule(), eventId);
            n.projectId = v.projectId();
            n.programId = project == null ? null : project.programId;
            n.enterpriseCode = v.enterpriseCreditCode() != null ? v.enterpriseCreditCode() : project == null ? null : project.enterpriseCode;
            String enterprise = project == null || project.enterpriseName == null ? "承办企业" : project.enterpriseName;
            String projectName = project == null || project.name == null ? "项目 " + v.projectId() : project.name;
            boolean criticism = "R15".equals(v.rule());
            n.title = (criticism ? "通报批评：" : "违规处理通报：") + enterprise;
            n.body = enterprise + (n.enterpriseCode == null ? "" : "（统一社会信用代码 " + n.enterpriseCode + "）") + "承办的" + projectName
                    + "经查实存在" + violationKind(v.kind()) + "行为" + (v.description() == null || v.description().isBlank() ? "" : "：" + v.description())
                    + "。依据规则 " + v.rule() + "，停止拨付该项目资金，"
                    + (v.amount() == null ? "追回已拨付的全部资金" : "追回资金人民币" + yuan(v.amount()) + "元")
                    + (criticism ? "，并予以通报批评。" : "。");
            return publish(n, actor);
        });
    }

    /** 验收不合格公告 (R4; R8 when the deadline passed without a pass). */
    public Uni<PublicNotice> acceptanceFailed(AcceptanceConcludedV1 a, String eventId, String actor) {
        return ProjectFact.<ProjectFact>findById(a.projectId()).chain(project -> {
            boolean missed = "DEADLINE_MISSED".equals(a.reason());
            PublicNotice n = notice(PublicNotice.Kind.ACCEPTANCE_RESULT, missed ? "R8" : "R4", eventId);
            n.projectId = a.projectId();
            n.programId = project == null ? null : project.programId;
            n.enterpriseCode = project == null ? null : project.enterpriseCode;
            String projectName = project == null || project.name == null ? "项目 " + a.projectId() : project.name;
            String enterprise = project == null || project.enterpriseName == null ? "" : "（承办企业：" + project.enterpriseName + "）";
            n.title = "关于" + projectName + "验收不合格的公告";
            n.body = projectName + enterprise + (missed ? "在规定期限内未通过验收" : "经验收，结论为不合格")
                    + (a.detail() == null || a.detail().isBlank() ? "" : "：" + a.detail()) + "。" + (missed ? "已预拨的资金依规追回。" : "") + "特此公告。";
            return publish(n, actor);
        });
    }

    /** 验收申报 made public (R17): who applied, which version, how many materials and invoices. */
    public Uni<PublicNotice> applicationSubmitted(ApplicationSubmittedV1 a, String eventId, String actor) {
        return ProjectFact.<ProjectFact>findById(a.projectId()).chain(project -> {
            PublicNotice n = notice(PublicNotice.Kind.APPLICATION, "R17", eventId);
            n.projectId = a.projectId();
            n.programId = project == null ? null : project.programId;
            n.enterpriseCode = a.enterpriseCreditCode();
            String projectName = projectName(project, a.projectId());
            String enterprise = project == null || project.enterpriseName == null ? "承办企业" : project.enterpriseName;
            n.title = "验收申报：" + projectName;
            n.body = enterprise + "（统一社会信用代码 " + a.enterpriseCreditCode() + "）于" + a.submittedAt().atZoneSameInstant(CHINA).toLocalDate()
                    + "提交" + projectName + "的验收申报（第" + a.version() + "版），附佐证材料" + a.materials() + "份、发票" + a.invoices() + "张。";
            return publish(n, actor);
        });
    }

    /** 验收评审 made public (R17): each step and its outcome; the reviewer is not named (the event does not carry one). */
    public Uni<PublicNotice> reviewRecorded(ReviewRecordedV1 r, String eventId, String actor) {
        return ProjectFact.<ProjectFact>findById(r.projectId()).chain(project -> {
            PublicNotice n = notice(PublicNotice.Kind.REVIEW, "R17", eventId);
            n.projectId = r.projectId();
            n.programId = project == null ? null : project.programId;
            n.enterpriseCode = project == null ? null : project.enterpriseCode;
            String projectName = projectName(project, r.projectId());
            String stage = switch (r.stage()) {
                case "INITIAL" -> "初审";
                case "ON_SITE" -> "实地评审（评审组成员意见）";
                case "JOINT" -> "会审";
                default -> r.stage();
            };
            String outcome = switch (r.outcome()) {
                case "COMPLETE" -> "申报材料齐全";
                case "INCOMPLETE" -> "申报材料不全，退回补正";
                case "MATCHES" -> "建设内容与申报材料相符";
                case "MISMATCH" -> "建设内容与申报材料不符";
                case "AGREES" -> "同意";
                case "DISAGREES" -> "不同意";
                default -> r.outcome();
            };
            n.title = "验收评审：" + projectName + "（" + stage.replace("（评审组成员意见）", "") + "）";
            n.body = projectName + "的验收申报（第" + r.version() + "版）于" + r.reviewedAt().atZoneSameInstant(CHINA).toLocalDate()
                    + "完成" + stage + "，结论：" + outcome + "。";
            return publish(n, actor);
        });
    }

    private static String projectName(ProjectFact project, java.util.UUID projectId) {
        return project == null || project.name == null ? "项目 " + projectId : project.name;
    }

    private static String violationKind(String kind) {
        return switch (kind == null ? "" : kind) {
            case "FRAUD" -> "弄虚作假";
            case "WITHHOLDING" -> "截留资金";
            case "DIVERSION" -> "挪用资金";
            case "MISAPPROPRIATION" -> "挤占资金";
            case "FALSE_CLAIM" -> "虚报补助";
            case "DUPLICATE_CLAIM" -> "重复申请补助";
            default -> "违规";
        };
    }

    /** 整改通知 / 通报批评 (R12–R16). */
    public Uni<PublicNotice> rectificationIssued(RectificationIssuedV1 r, String eventId, String actor) {
        PublicNotice n = notice(PublicNotice.Kind.RECTIFICATION, r.rule(), eventId);
        n.projectId = r.projectId();
        n.enterpriseCode = r.enterpriseCreditCode();
        boolean criticism = "R16".equals(r.rule());
        n.title = (criticism ? "通报批评：" : "整改通知：") + r.enterpriseName();
        n.body = r.enterpriseName() + "（统一社会信用代码 " + r.enterpriseCreditCode() + "）因" + r.reason() + "，依据规则 "
                + r.rule() + (criticism ? "予以通报批评，并" : "") + "责令于" + r.deadline() + "前完成整改。";
        return publish(n, actor);
    }

    public Uni<PublicNotice> correct(UUID id, String title, String body, String reason, String actor) {
        return locked(id).chain(n -> {
            if (n.status == PublicNotice.Status.WITHDRAWN) {
                return Uni.createFrom().failure(ProblemException.conflict("notice-withdrawn", "Notice withdrawn",
                        "notice " + id + " was withdrawn; a withdrawn notice is not corrected"));
            }
            n.title = title;
            n.body = body;
            n.status = PublicNotice.Status.CORRECTED;
            return revise(n, "CORRECTED", reason, actor);
        });
    }

    public Uni<PublicNotice> withdraw(UUID id, String reason, String actor) {
        return locked(id).chain(n -> {
            if (n.status == PublicNotice.Status.WITHDRAWN) {
                return Uni.createFrom().failure(ProblemException.conflict("notice-withdrawn", "Notice already withdrawn",
                        "notice " + id + " was withdrawn already"));
            }
            n.status = PublicNotice.Status.WITHDRAWN;
            return revise(n, "WITHDRAWN", reason, actor);
        });
    }

    private PublicNotice notice(PublicNotice.Kind kind, String rule, String eventId) {
        PublicNotice n = new PublicNotice();
        n.id = UUID.randomUUID();
        n.kind = kind;
        n.rule = rule;
        n.sourceEventId = eventId;
        n.status = PublicNotice.Status.PUBLISHED;
        n.publishedAt = clock.now();
        n.updatedAt = n.publishedAt;
        return n;
    }

    private Uni<PublicNotice> publish(PublicNotice n, String actor) {
        n.revision = 0;
        return n.<PublicNotice>persist().chain(saved -> revise(saved, "PUBLISHED", null, actor));
    }

    private Uni<PublicNotice> revise(PublicNotice n, String action, String reason, String actor) {
        n.revision++;
        n.updatedAt = clock.now();
        NoticeRevision r = new NoticeRevision();
        r.noticeId = n.id;
        r.revision = n.revision;
        r.action = action;
        r.title = n.title;
        r.body = n.body;
        r.reason = reason;
        r.byWhom = actor;
        r.at = n.updatedAt;
        return r.persist()
                .chain(() -> audit.record(actor, "notice." + action.toLowerCase(), "notice", n.id, reason,
                        Map.of("revision", n.revision, "kind", n.kind.name())))
                .replaceWith(n)
                .invoke(() -> cache.invalidate());
    }

    private static Uni<PublicNotice> locked(UUID id) {
        return PublicNotice.<PublicNotice>findById(id, LockModeType.PESSIMISTIC_WRITE).onItem().ifNull()
                .failWith(() -> ProblemException.notFound("notice", id));
    }

    private static String yuan(BigDecimal amount) {
        return amount == null ? "—" : amount.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString();
    }
}
