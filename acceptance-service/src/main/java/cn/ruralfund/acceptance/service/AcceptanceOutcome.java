package cn.ruralfund.acceptance.service;

/** The words of the acceptance-concluded contract (R4, R8). */
public final class AcceptanceOutcome {
    public static final String PASS = "PASS";
    public static final String FAIL = "FAIL";
    /** A review concluded 不合格. */
    public static final String REVIEW_FAILED = "REVIEW_FAILED";
    /** The acceptance deadline passed without a pass (R8). */
    public static final String DEADLINE_MISSED = "DEADLINE_MISSED";

    private AcceptanceOutcome() {
    }
}
