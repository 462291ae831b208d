package cn.ruralfund.platform.problem;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A request the HTTP layer refuses before any resource sees it (a path that does not normalise, such as
 * {@code /disbursements/..%2F..}) is answered as {@code application/problem+json} too, like every other error.
 */
@ApplicationScoped
public class RouterProblems {

    void install(@Observes Router router) {
        router.errorHandler(400, ctx -> {
            if (!ctx.response().ended()) {
                ctx.response().setStatusCode(400).putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .end("{\"type\":\"" + Problem.TYPE_BASE + "bad-request\",\"title\":\"Bad Request\",\"status\":400,"
                                + "\"detail\":\"the request is malformed (its path or headers); nothing was changed\"}");
            }
        });
    }
}
