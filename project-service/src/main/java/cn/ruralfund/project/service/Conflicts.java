package cn.ruralfund.project.service;

import cn.ruralfund.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.function.Supplier;

/**
 * The checks before an insert cannot see a concurrent request's uncommitted row; the database's
 * unique constraint does. Flushing inside the transaction turns that late duplicate into the same
 * 409 problem as the early check, instead of a 500 at commit.
 */
final class Conflicts {

    private Conflicts() {
    }

    static <T> Uni<T> flushed(T result, Supplier<ProblemException> duplicate) {
        return Panache.getSession().chain(Mutiny.Session::flush)
                .onFailure(Conflicts::uniqueViolation).transform(e -> duplicate.get())
                .replaceWith(result);
    }

    static boolean uniqueViolation(Throwable t) {
        for (Throwable cause = t; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.hibernate.exception.ConstraintViolationException
                    || String.valueOf(cause.getMessage()).contains("23505")) {
                return true;
            }
        }
        return false;
    }
}
