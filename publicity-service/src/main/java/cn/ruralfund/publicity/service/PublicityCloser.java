package cn.ruralfund.publicity.service;

import cn.ruralfund.platform.problem.ProblemException;
import cn.ruralfund.platform.reactive.UnitOfWork;
import cn.ruralfund.platform.time.PlatformClock;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closes announcements whose window has ended (as of today by the {@link PlatformClock}), each in its own transaction;
 * one with an undecided objection stays open, and the office is warned: the gauge
 * {@code publicity_objections_undecided{when="ending"}} counts undecided objections of windows ending today or
 * tomorrow, {@code {when="overdue"}} those of windows already ended, a warning is logged, and each such window is
 * announced once as {@code publicity-closing-soon} (counted by {@code publicity_closing_soon_warnings_total}).
 */
@ApplicationScoped
@io.quarkus.runtime.Startup // its gauges are served from start-up, not from the first scheduled run (30 s later)
public class PublicityCloser {

    private static final Logger LOG = Logger.getLogger(PublicityCloser.class);
    public static final String ACTOR = "system:publicity-closer";

    private final AnnouncementService announcements;
    private final PlatformClock clock;
    private final Vertx vertx;
    private final AtomicLong undecidedEnding = new AtomicLong();
    private final AtomicLong undecidedOverdue = new AtomicLong();
    private final io.micrometer.core.instrument.Counter warnings;

    PublicityCloser(AnnouncementService announcements, PlatformClock clock, Vertx vertx, MeterRegistry metrics) {
        this.announcements = announcements;
        this.clock = clock;
        this.vertx = vertx;
        metrics.gauge("publicity_objections_undecided", java.util.List.of(io.micrometer.core.instrument.Tag.of("when", "ending")), undecidedEnding);
        metrics.gauge("publicity_objections_undecided", java.util.List.of(io.micrometer.core.instrument.Tag.of("when", "overdue")), undecidedOverdue);
        warnings = metrics.counter("publicity_closing_soon_warnings");
    }

    /** What one run did. */
    public record Result(LocalDate today, int closed, int blocked, int warned, long undecidedEnding, long undecidedOverdue) {
    }

    @Scheduled(identity = "publicity-closer", every = "${publicity.close.every:10m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return closeDue()
                .invoke(r -> LOG.infof("publicity closer: %s", r))
                .onFailure().invoke(e -> LOG.warnf("publicity closer failed, will retry at the next run: %s", e.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Closes every due announcement it can; callable from any thread (the schedule, a test). */
    public Uni<Result> closeDue() {
        return UnitOfWork.onSafeContext(vertx, this::run);
    }

    private Uni<Result> run() {
        LocalDate today = clock.today();
        int[] counts = new int[3];
        return Panache.withSession(() -> announcements.due(today))
                .chain(ids -> Multi.createFrom().iterable(ids)
                        .onItem().transformToUniAndConcatenate(id -> closeOne(id, counts))
                        .collect().last())
                .chain(() -> Panache.withSession(() -> announcements.endingWithUndecided(today)))
                .chain(ids -> Multi.createFrom().iterable(ids)
                        .onItem().transformToUniAndConcatenate(id -> warnOne(id, counts))
                        .collect().last())
                .chain(() -> Panache.withSession(() -> announcements.undecidedEndingBy(today.plusDays(1))))
                .chain(ending -> Panache.withSession(() -> announcements.undecidedEndingBy(today.minusDays(1)))
                        .map(overdue -> {
                            undecidedEnding.set(ending - overdue);
                            undecidedOverdue.set(overdue);
                            if (ending > 0) {
                                LOG.warnf("publicity: %d objection(s) undecided on windows ending by %s (%d overdue): the office must decide them",
                                        ending, today.plusDays(1), overdue);
                            }
                            return new Result(today, counts[0], counts[1], counts[2], ending - overdue, overdue);
                        }));
    }

    private Uni<Void> warnOne(UUID id, int[] counts) {
        return Panache.withTransaction(() -> announcements.warnClosingSoon(id))
                .invoke(warned -> {
                    if (warned) {
                        counts[2]++;
                        warnings.increment();
                    }
                })
                .onFailure(ProblemException.class).recoverWithNull()
                .replaceWithVoid();
    }

    private Uni<Void> closeOne(UUID id, int[] counts) {
        return Panache.withTransaction(() -> announcements.close(id, ACTOR))
                .invoke(() -> counts[0]++)
                .onFailure(ProblemException.class).invoke(() -> counts[1]++)
                .onFailure(ProblemException.class).recoverWithNull()
                .replaceWithVoid();
    }
}
