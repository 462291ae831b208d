package cn.ruralfund.project.service;

import cn.ruralfund.platform.security.Actor;
import cn.ruralfund.platform.money.Money;
import cn.ruralfund.platform.audit.AuditTrail;
import cn.ruralfund.platform.contracts.TenderAwardedV1;
import cn.ruralfund.platform.outbox.Outbox;
import cn.ruralfund.platform.problem.ProblemException;
import cn.ruralfund.platform.time.PlatformClock;
import cn.ruralfund.project.domain.Bid;
import cn.ruralfund.project.domain.Enterprise;
import cn.ruralfund.project.domain.Task;
import cn.ruralfund.project.domain.Tender;
import cn.ruralfund.project.service.Requests.AwardTender;
import cn.ruralfund.project.service.Requests.OpenTender;
import cn.ruralfund.project.service.Requests.SubmitBid;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Public tenders (招标) for tasks, their bids and awards (F5); an award is published (R17). */
@ApplicationScoped
public class TenderService {

    private final Outbox outbox;
    private final AuditTrail audit;
    private final PlatformClock clock;

    TenderService(Outbox outbox, AuditTrail audit, PlatformClock clock) {
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    public record TenderWithBids(Tender tender, List<Bid> bids) {
    }

    @WithTransaction
    public Uni<Tender> open(OpenTender request, Actor actor) {
        return TaskService.get(request.taskId())
                .onFailure(ProblemException.class).transform(e -> ProblemException.rule("unknown-task", "Unknown task", "task " + request.taskId() + " does not exist"))
                .chain(task -> Tender.count("reference", request.reference().strip()))
                .chain(existing -> {
                    if (existing > 0) {
                        throw ProblemException.conflict("duplicate-tender", "Tender exists", "a tender with reference " + request.reference() + " exists");
                    }
                    Tender t = new Tender();
                    t.id = UUID.randomUUID();
                    t.taskId = request.taskId();
                    t.title = request.title().strip();
                    t.reference = request.reference().strip();
                    t.status = Tender.Status.OPEN;
                    t.createdAt = clock.now();
                    t.createdBy = actor.name();
                    return t.persist().chain(() -> audit.record(actor.name(), "tender.opened", "tender", t.id, "tender opened", request)).replaceWith(t);
                });
    }

    @WithTransaction
    public Uni<Bid> bid(UUID tenderId, SubmitBid request, Actor actor) {
        Uni<Enterprise> bidder = actor.isEnterprise() ? EnterpriseService.byCode(actor.enterprise())
                : request.enterpriseId() == null
                ? Uni.createFrom().failure(ProblemException.invalid("enterprise-required", "enterpriseId is required when the office records a bid"))
                : EnterpriseService.get(request.enterpriseId())
                .onFailure(ProblemException.class).transform(e -> ProblemException.rule("unknown-enterprise", "Unknown enterprise", e.getMessage()));
        return get(tenderId).chain(tender -> bidder.chain(enterprise -> {
            if (tender.status != Tender.Status.OPEN) {
                throw ProblemException.conflict("tender-closed", "Tender closed", "tender " + tender.reference + " is already awarded");
            }
            EnterpriseService.mustBeQualified(enterprise);
            return Bid.count("tenderId = ?1 and enterpriseId = ?2", tenderId, enterprise.id).chain(existing -> {
                if (existing > 0) {
                    throw ProblemException.conflict("duplicate-bid", "Bid exists", enterprise.name + " has already bid on tender " + tender.reference);
                }
                Bid b = new Bid();
                b.id = UUID.randomUUID();
                b.tenderId = tenderId;
                b.enterpriseId = enterprise.id;
                b.amount = Money.of(request.amount());
                b.submittedAt = clock.now();
                b.submittedBy = actor.name();
                return b.persist()
                        .chain(() -> Conflicts.flushed(b, () -> ProblemException.conflict("duplicate-bid", "Bid exists",
                                enterprise.name + " has already bid on tender " + tender.reference)))
                        .chain(() -> audit.record(actor.name(), "tender.bid", "tender", tenderId, "bid received",
                        Map.of("bidId", b.id, "enterprise", enterprise.creditCode, "amount", b.amount))).replaceWith(b);
            });
        }));
    }

    @WithTransaction
    public Uni<TenderWithBids> award(UUID tenderId, AwardTender request, Actor actor) {
        // locked: of concurrent awards, the first decides and the others find the tender awarded (R17: one award per tender)
        return Tender.<Tender>findById(tenderId, LockModeType.PESSIMISTIC_WRITE).onItem().ifNull().failWith(() -> ProblemException.notFound("tender", tenderId))
                .chain(tender -> {
            if (tender.status != Tender.Status.OPEN) {
                throw ProblemException.conflict("tender-already-awarded", "Tender already awarded", "tender " + tender.reference + " is already awarded");
            }
            return Bid.<Bid>findById(request.bidId()).chain(bid -> {
                if (bid == null || !bid.tenderId.equals(tenderId)) {
                    throw ProblemException.rule("unknown-bid", "Unknown bid", "bid " + request.bidId() + " is not a bid on tender " + tender.reference);
                }
                return EnterpriseService.get(bid.enterpriseId).chain(enterprise -> {
                    EnterpriseService.mustBeQualified(enterprise);
                    return TaskService.get(tender.taskId).chain(task -> {
                        tender.status = Tender.Status.AWARDED;
                        tender.awardedBidId = bid.id;
                        tender.awardedEnterprise = enterprise.id;
                        tender.awardAmount = bid.amount;
                        tender.awardDate = request.awardDate();
                        tender.awardReference = request.awardReference().strip();
                        return Bid.<Bid>list("tenderId = ?1 order by submittedAt", tenderId).chain(bids -> {
                            TenderAwardedV1 awarded = awarded(tender, task, enterprise, bids.size());
                            return outbox.publish(TenderAwardedV1.TYPE, tender.id, awarded)
                                    .chain(() -> audit.record(actor.name(), "tender.awarded", "tender", tender.id, "tender awarded (R17)", awarded))
                                    .replaceWith(new TenderWithBids(tender, bids));
                        });
                    });
                });
            });
        });
    }

    @WithSession
    public Uni<List<Tender>> list() {
        return Tender.list("order by createdAt");
    }

    @WithSession
    public Uni<TenderWithBids> find(UUID id) {
        return get(id).chain(t -> Bid.<Bid>list("tenderId = ?1 order by submittedAt", id).map(bids -> new TenderWithBids(t, bids)));
    }

    public static Uni<Tender> get(UUID id) {
        return Tender.<Tender>findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("tender", id));
    }

    private static TenderAwardedV1 awarded(Tender t, Task task, Enterprise e, int bids) {
        return new TenderAwardedV1(t.id, t.reference, t.title, task.programId, task.directionId, task.id, task.name,
                e.creditCode, e.name, t.awardAmount, t.awardDate, t.awardReference, bids);
    }
}
