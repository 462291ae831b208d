package cn.ruralfund.platform.problem;

/**
 * A refused request: the service changes nothing and answers {@code application/problem+json} with
 * this status and a stable type per rule ({@link Problem#TYPE_BASE} + slug).
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;

    public ProblemException(int status, String slug, String title, String detail) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "not-found", "Not found", what + " " + id + " does not exist");
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail);
    }

    /** 409: the request conflicts with the current state (a duplicate, a closed step). */
    public static ProblemException conflict(String slug, String title, String detail) {
        return new ProblemException(409, slug, title, detail);
    }

    /** 422: well-formed, but a rule of the program forbids it. */
    public static ProblemException rule(String slug, String title, String detail) {
        return new ProblemException(422, slug, title, detail);
    }

    public static ProblemException invalid(String slug, String detail) {
        return new ProblemException(400, slug, "Invalid request", detail);
    }

    public Problem toProblem() {
        return new Problem(Problem.TYPE_BASE + slug, title, status, getMessage(), null);
    }

    public int status() {
        return status;
    }
}
