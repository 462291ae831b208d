package cn.ruralfund.acceptance.service;

import cn.ruralfund.platform.security.Actor;
import cn.ruralfund.acceptance.domain.Application;
import cn.ruralfund.acceptance.domain.Project;
import cn.ruralfund.platform.reactive.UnitOfWork;
import cn.ruralfund.platform.time.PlatformClock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * R8: a project whose acceptance deadline passed without a pass is concluded FAIL with reason
 * {@code DEADLINE_MISSED}; budget-service then recovers what was pre-disbursed. Runs on a schedule and on
 * demand, as of today by the {@link PlatformClock}; each project in its own transaction, its row locked, so the
 * check and a concurrent conclusion never both decide.
 */
@ApplicationScoped
public class DeadlineService {

    private static final Actor DEADLINE_CHECK = Actor.system("deadline-check");

    private static final Logger LOG = Logger.getLogger(DeadlineService.class);

    private final ReviewService reviews;
    private final PlatformClock clock;
    private final Vertx vertx;

    DeadlineService(ReviewService reviews, PlatformClock clock, Vertx vertx) {
        this.reviews = reviews;
        this.clock = clock;
        this.vertx = vertx;
    }

    public record CheckResult(LocalDate date, List<UUID> failed) {
    }

    @Scheduled(identity = "acceptance-deadlines", every = "${acceptance.deadline-check.every:1h}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return runCheck()
                .invoke(r -> LOG.infof("acceptance deadline check on %s: %d project(s) failed", r.date(), r.failed().size()))
                .onFailure().invoke(e -> LOG.warnf("acceptance deadline check failed, will retry at the next run: %s", e.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    public Uni<CheckResult> runCheck() {
        return UnitOfWork.onSafeContext(vertx, this::check);
    }

    private Uni<CheckResult> check() {
        LocalDate today = clock.today();
        return Panache.withSession(() -> Panache.getSession().chain(s -> s.createSelectionQuery(
                        "select p.id from Project p where p.deadline < :today and p.disqualified = false and p.acceptance is null order by p.deadline",
                        UUID.class).setParameter("today", today).getResultList()))
                .chain(ids -> Multi.createFrom().iterable(ids)
                        .onItem().transformToUniAndConcatenate(id -> Panache.withTransaction(() -> expire(id, today)))
                        .filter(id -> id != null)
                        .collect().asList())
                .map(failed -> new CheckResult(today, failed));
    }

    /** Concludes one project FAIL (DEADLINE_MISSED) if, with its row locked, it still has no conclusion and its deadline passed. */
    private Uni<UUID> expire(UUID projectId, LocalDate today) {
        return Project.<Project>findById(projectId, LockModeType.PESSIMISTIC_WRITE).chain(p -> {
            if (p == null || p.acceptance != null || p.disqualified || p.deadline == null || !p.deadline.isBefore(today)) {
                return Uni.createFrom().nullItem();
            }
            return Application.<Application>find("projectId = ?1 and status not in ?2 order by createdAt desc", p.id,
                    List.of(Application.Status.FAILED, Application.Status.CLOSED)).firstResult().chain(open -> {
                Application carrier = open;
                if (carrier == null) {
                    // no open application: a placeholder application carries the FAIL, so the file and its archive stay whole
                    carrier = new Application();
                    carrier.id = UUID.randomUUID();
                    carrier.projectId = p.id;
                    carrier.enterpriseCode = p.enterpriseCode;
                    carrier.version = 0;
                    carrier.statement = "no application before the acceptance deadline " + p.deadline;
                    carrier.createdAt = clock.now();
                    carrier.status = Application.Status.DRAFT;
                }
                Application a = carrier;
                Uni<Void> persisted = open == null ? a.persist().replaceWithVoid() : Uni.createFrom().voidItem();
                return persisted.chain(() -> reviews.publish(a, p, AcceptanceOutcome.FAIL, AcceptanceOutcome.DEADLINE_MISSED,
                        "the acceptance deadline " + p.deadline + " passed without a pass (R8)", DEADLINE_CHECK.name()))
                        .replaceWith(p.id);
            });
        });
    }
}
