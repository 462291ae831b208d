package cn.ruralfund.reporting.service;

/** A sales record refused, with the reason a person can act on; {@code forbidden} when the reporter may not touch it. */
public class RowRejected extends RuntimeException {

    private final boolean forbidden;

    public RowRejected(String reason) {
        this(reason, false);
    }

    public RowRejected(String reason, boolean forbidden) {
        super(reason, null, false, false);
        this.forbidden = forbidden;
    }

    public boolean forbidden() {
        return forbidden;
    }
}
