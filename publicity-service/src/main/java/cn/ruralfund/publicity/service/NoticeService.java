package cn.ruralfund.publicity.service;

import cn.ruralfund.platform.audit.AuditTrail;
import cn.ruralfund.platform.contracts.EnterpriseDisqualifiedV1;
import cn.ruralfund.platform.contracts.RectificationIssuedV1;
import cn.ruralfund.platform.contracts.TenderAwardedV1;
import cn.ruralfund.platform.problem.ProblemException;
import cn.ruralfund.platform.time.PlatformClock;
import cn.ruralfund.publicity.domain.NoticeRevision;
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

    /** 取消承办资格 (R11 and the rule that caused it). */
    public Uni<PublicNotice> disqualified(EnterpriseDisqualifiedV1 d, String eventId, String actor) {
        PublicNotice n = notice(PublicNotice.Kind.DISQUALIFICATION, d.rule(), eventId);
        n.enterpriseCode = d.enterpriseCreditCode();
        n.projectId = d.projectIds() != null && d.projectIds().size() == 1 ? d.projectIds().get(0) : null;
        n.title = "关于取消" + d.enterpriseName() + "承办资格的公告";
        n.body = d.enterpriseName() + "（统一社会信用代码 " + d.enterpriseCreditCode() + "）因" + d.reason() + "，依据规则 "
                + d.rule() + "，自" + d.disqualifiedAt().toLocalDate() + "起取消其承办资格，停止拨付资金，已拨付资金依规追回。";
        return publish(n, actor);
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
