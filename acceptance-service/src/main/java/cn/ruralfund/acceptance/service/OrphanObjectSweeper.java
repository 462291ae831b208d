package cn.ruralfund.acceptance.service;

import cn.ruralfund.acceptance.domain.Material;
import cn.ruralfund.acceptance.storage.S3MaterialStore;
import cn.ruralfund.platform.reactive.UnitOfWork;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The object store is outside the database transaction: an upload writes the object before its row, and deletes it
 * again when the row is not written, but a crash between the two or a failed commit leaves an object no material
 * refers to. This sweep removes such orphans: objects under {@code materials/} older than
 * {@code acceptance.s3.sweep.grace} (longer than any upload's transaction, so an upload in flight is never taken)
 * without a material row. Runs every {@code acceptance.s3.sweep.every} when the S3 store is configured.
 */
@ApplicationScoped
public class OrphanObjectSweeper {

    private static final Logger LOG = Logger.getLogger(OrphanObjectSweeper.class);
    static final String PREFIX = "materials/";

    private final S3MaterialStore s3;
    private final Vertx vertx;
    private final Duration grace;

    OrphanObjectSweeper(S3MaterialStore s3, Vertx vertx,
                        @ConfigProperty(name = "acceptance.s3.sweep.grace", defaultValue = "1h") Duration grace) {
        this.s3 = s3;
        this.vertx = vertx;
        this.grace = grace;
    }

    @Scheduled(identity = "acceptance-orphan-sweep", every = "${acceptance.s3.sweep.every:6h}", delayed = "5m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        if (!s3.configured()) {
            return Uni.createFrom().voidItem();
        }
        // the object store's own clock stamps LastModified: compare with real time, not the business clock
        return sweep(Instant.now().minus(grace))
                .invoke(removed -> LOG.infof("object store sweep: %d orphan object(s) removed", removed.size()))
                .onFailure().invoke(e -> LOG.warnf("object store sweep failed, will retry at the next run: %s", e.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Removes the objects last modified before {@code before} that no material refers to; answers their keys. */
    public Uni<List<String>> sweep(Instant before) {
        return UnitOfWork.onSafeContext(vertx, () -> page(null, before, new ArrayList<>()));
    }

    private Uni<List<String>> page(String token, Instant before, List<String> removed) {
        return s3.list(PREFIX, token).chain(page -> {
            List<String> old = page.objects().stream().filter(o -> o.lastModified().isBefore(before)).map(S3MaterialStore.StoredObject::key).toList();
            Uni<Set<String>> referenced = old.isEmpty() ? Uni.createFrom().item(Set.of())
                    : Panache.withSession(() -> Material.<Material>list("storage = ?1 and storeKey in ?2", S3MaterialStore.NAME, old))
                    .map(materials -> {
                        Set<String> keys = new HashSet<>();
                        materials.forEach(m -> keys.add(m.storeKey));
                        return keys;
                    });
            return referenced.chain(keys -> {
                Uni<Void> deletes = Uni.createFrom().voidItem();
                for (String key : old) {
                    if (!keys.contains(key)) {
                        deletes = deletes.chain(() -> s3.delete(key).invoke(() -> removed.add(key)));
                    }
                }
                return deletes;
            }).chain(() -> page.next() == null ? Uni.createFrom().item(removed) : page(page.next(), before, removed));
        });
    }
}
