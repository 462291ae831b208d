package cn.ruralfund.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.pgclient.PgException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;

/** Every error of every service leaves as {@code application/problem+json}; nothing else does. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.toProblem());
    }

    @ServerExceptionMapper
    public Response invalidFields(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return respond(new Problem(Problem.TYPE_BASE + "invalid-fields", "Invalid request", 400,
                errors.size() + " field(s) are invalid", errors));
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        return respond(new Problem(Problem.TYPE_BASE + "malformed-json", "Malformed JSON", 400, e.getOriginalMessage(), null));
    }

    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        String field = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .reduce((a, b) -> a + "." + b).orElse("body");
        return respond(new Problem(Problem.TYPE_BASE + "malformed-json", "Malformed JSON", 400, e.getOriginalMessage(),
                List.of(new Problem.FieldError(field, "has the wrong type or format"))));
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized() {
        return Response.fromResponse(respond(new Problem(Problem.TYPE_BASE + "unauthorized", "Unauthorized", 401,
                "a valid bearer token is required", null))).header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(new Problem(Problem.TYPE_BASE + "forbidden", "Forbidden", 403, "your role may not do this", null));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e.getCause() instanceof MismatchedInputException mismatched) {
            return mismatchedJson(mismatched);
        }
        if (e.getCause() instanceof JsonProcessingException malformed) {
            return malformedJson(malformed);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("request failed", e);
        }
        Response.Status.Family family = Response.Status.Family.familyOf(status);
        String slug = status == 404 ? "not-found" : status == 405 ? "method-not-allowed" : status == 415 ? "unsupported-media-type"
                : family == Response.Status.Family.CLIENT_ERROR ? "bad-request" : "server-error";
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        return respond(new Problem(Problem.TYPE_BASE + slug, title, status, e.getMessage(), null));
    }

    /**
     * An error answered without an entity by the framework itself (e.g. a body that cannot be read as the declared
     * type: {@code text/plain} and no body on a JSON endpoint) still leaves as a problem.
     */
    @ServerResponseFilter
    public void bareErrors(ContainerResponseContext response) {
        int status = response.getStatus();
        if (status >= 400 && !response.hasEntity()) {
            String slug = status == 404 ? "not-found" : status == 405 ? "method-not-allowed" : status == 415 ? "unsupported-media-type"
                    : status < 500 ? "bad-request" : "server-error";
            response.setEntity(new Problem(Problem.TYPE_BASE + slug, Response.Status.fromStatusCode(status) == null ? "Error"
                            : Response.Status.fromStatusCode(status).getReasonPhrase(), status,
                            status < 500 ? "the request cannot be read as this endpoint expects; nothing was changed" : "the request failed; nothing was changed",
                            null),
                    null, jakarta.ws.rs.core.MediaType.valueOf(Problem.MEDIA_TYPE));
        }
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        Problem conflict = conflict(e);
        if (conflict != null) {
            return respond(conflict);
        }
        LOG.error("unexpected failure", e);
        return respond(new Problem(Problem.TYPE_BASE + "server-error", "Internal Server Error", 500,
                "the request failed; nothing was changed", null));
    }

    /**
     * The one mapping from a database refusal that a concurrent or repeated request can cause to a 409: a unique
     * violation is {@code duplicate/<constraint>} (the constraint's name, stable because migrations name it), a
     * serialization failure or deadlock is {@code concurrent-update} (try again). Everything else stays a 500.
     */
    static Problem conflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String state = t instanceof PgException pg ? pg.getSqlState() : t instanceof SQLException sql ? sql.getSQLState() : null;
            if (state != null) {
                if ("23505".equals(state)) {
                    String named = t instanceof PgException pg ? pg.getConstraint() : constraintOf(e);
                    String constraint = named == null ? "unique" : named;
                    return new Problem(Problem.TYPE_BASE + "duplicate/" + constraint.replace('_', '-'), "Conflict", 409,
                            "this already exists (" + constraint + "); nothing was changed", null);
                }
                if ("40001".equals(state) || "40P01".equals(state)) {
                    return new Problem(Problem.TYPE_BASE + "concurrent-update", "Conflict", 409,
                            "a concurrent request changed the same data; nothing was changed, try again", null);
                }
            }
        }
        return null;
    }

    private static String constraintOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException c && c.getConstraintName() != null) {
                return c.getConstraintName();
            }
        }
        return null;
    }

    private static String field(ConstraintViolation<?> v) {
        // "create.arg0.directions[1].allocation" -> "directions[1].allocation": drop the method and parameter.
        String path = v.getPropertyPath().toString();
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : parts.length == 2 ? parts[1] : path;
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
