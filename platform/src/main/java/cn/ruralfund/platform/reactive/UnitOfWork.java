package cn.ruralfund.platform.reactive;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.util.function.Supplier;

/**
 * Runs background work (a timer, a scheduled check) on a fresh, safe Vert.x duplicated context, as a
 * request or a consumed message has: Hibernate Reactive refuses to run anywhere else, and a fresh
 * context keeps each unit of work's session apart.
 */
public final class UnitOfWork {

    private UnitOfWork() {
    }

    public static <T> Uni<T> onSafeContext(Vertx vertx, Supplier<Uni<T>> work) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        return Uni.createFrom().emitter(emitter -> context.runOnContext(ignored ->
                Uni.createFrom().<T>deferred(work::get).subscribe().with(emitter::complete, emitter::fail)));
    }
}
