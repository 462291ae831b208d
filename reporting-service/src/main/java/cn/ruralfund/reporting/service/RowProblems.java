package cn.ruralfund.reporting.service;

import cn.ruralfund.platform.problem.Problem;
import cn.ruralfund.platform.problem.ProblemException;

import java.util.List;

/** A refused batch: the problem lists each refused record with its reason. */
public class RowProblems extends ProblemException {

    private final List<Problem.FieldError> errors;

    public RowProblems(int status, String slug, String title, String detail, List<Problem.FieldError> errors) {
        super(status, slug, title, detail);
        this.errors = errors;
    }

    @Override
    public Problem toProblem() {
        Problem p = super.toProblem();
        return new Problem(p.type(), p.title(), p.status(), p.detail(), errors);
    }
}
