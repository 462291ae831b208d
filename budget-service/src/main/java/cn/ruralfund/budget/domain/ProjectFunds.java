package cn.ruralfund.budget.domain;

import cn.ruralfund.platform.problem.ProblemException;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The money of one project and the rules on it, as plain arithmetic (no database, no framework), so that it can be
 * property-tested: R7 (pre-disbursement at most the program's cap of the committed budget, 50% in Jinghong, cumulative; the acceptance payment
 * capped by the audited eligible amount), R20 (build first, subsidise after: no pre-disbursement) and the invariants
 * {@code recovered ≤ paid} and {@code paid − recovered ≤ committed}.
 * Every operation either changes the state and keeps the invariants, or throws a {@link ProblemException} and changes nothing.
 */
public final class ProjectFunds {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public enum Kind { PRE_DISBURSEMENT, ACCEPTANCE_PAYMENT }

    private BigDecimal committed;
    /** Pre-disbursements requested and not cancelled (paid ones included): what R7's cap counts. */
    private BigDecimal preRequested;
    /** Acceptance payments requested and not cancelled (paid ones included). */
    private BigDecimal acceptanceRequested;
    private BigDecimal paid;
    private BigDecimal recovered;
    private final boolean buildFirst;
    /** R7: the program's pre-disbursement cap, in percent of the committed budget (Jinghong 2020: 50). */
    private final int preCapPercent;
    private boolean stopped;

    public ProjectFunds(BigDecimal committed, BigDecimal preRequested, BigDecimal acceptanceRequested, BigDecimal paid,
                        BigDecimal recovered, boolean buildFirst, int preCapPercent, boolean stopped) {
        if (preCapPercent < 0 || preCapPercent > 100) {
            throw new IllegalArgumentException("pre-disbursement cap " + preCapPercent + "%");
        }
        this.preCapPercent = preCapPercent;
        this.committed = Objects.requireNonNull(committed);
        this.preRequested = Objects.requireNonNull(preRequested);
        this.acceptanceRequested = Objects.requireNonNull(acceptanceRequested);
        this.paid = Objects.requireNonNull(paid);
        this.recovered = Objects.requireNonNull(recovered);
        this.buildFirst = buildFirst;
        this.stopped = stopped;
    }

    public int preCapPercent() {
        return preCapPercent;
    }

    public static ProjectFunds committed(BigDecimal committed, boolean buildFirst, int preCapPercent) {
        return new ProjectFunds(committed, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, buildFirst, preCapPercent, false);
    }

    /** R7: what may still be pre-disbursed (the program's cap of the committed budget, less what was requested before); zero under R20. */
    public BigDecimal preDisbursable() {
        if (buildFirst || stopped) {
            return BigDecimal.ZERO.setScale(2);
        }
        return preCap().subtract(preRequested).max(BigDecimal.ZERO.setScale(2));
    }

    /** The cap in yuan; a fraction of a fen is rounded down: never a fen over the cap. */
    private BigDecimal preCap() {
        return committed.multiply(BigDecimal.valueOf(preCapPercent)).divide(HUNDRED, 2, java.math.RoundingMode.DOWN);
    }

    /** The most the project can ever be paid: its committed budget, capped by the audited eligible amount once audited. */
    public BigDecimal payableCap(BigDecimal auditedEligible) {
        return auditedEligible == null ? committed : committed.min(auditedEligible);
    }

    public void requestPreDisbursement(BigDecimal amount) {
        positive(amount);
        open();
        if (buildFirst) {
            throw ProblemException.rule("r20-build-first", "No pre-disbursement for build-first tasks",
                    "the task is built first and subsidised after acceptance (先建后补, R20): nothing is paid before it is built and accepted");
        }
        if (preRequested.add(amount).multiply(HUNDRED).compareTo(committed.multiply(BigDecimal.valueOf(preCapPercent))) > 0) {
            throw ProblemException.rule("r7-pre-disbursement-cap", "Pre-disbursement above the program's cap",
                    "pre-disbursement is at most " + preCapPercent + "% of the committed budget " + committed.toPlainString() + " (R7): "
                            + preRequested.toPlainString() + " already requested, at most " + preDisbursable().toPlainString() + " more");
        }
        preRequested = preRequested.add(amount);
    }

    /** R7: the total paid never passes the audited eligible amount (nor the committed budget). */
    public void requestAcceptancePayment(BigDecimal amount, BigDecimal auditedEligible) {
        positive(amount);
        open();
        BigDecimal cap = payableCap(auditedEligible);
        BigDecimal after = preRequested.add(acceptanceRequested).add(amount);
        if (after.compareTo(cap) > 0) {
            throw ProblemException.rule("r7-audited-amount-cap", "Beyond the payable amount",
                    "the project may be paid at most " + cap.toPlainString() + " (committed budget capped by the audited eligible amount, R7); "
                            + preRequested.add(acceptanceRequested).toPlainString() + " is already requested, at most "
                            + cap.subtract(preRequested).subtract(acceptanceRequested).max(BigDecimal.ZERO).toPlainString() + " more");
        }
        acceptanceRequested = acceptanceRequested.add(amount);
    }

    /** A live request is cancelled (the project was stopped): it no longer counts against the caps. */
    public void cancel(Kind kind, BigDecimal amount) {
        if (kind == Kind.PRE_DISBURSEMENT) {
            preRequested = preRequested.subtract(amount);
        } else {
            acceptanceRequested = acceptanceRequested.subtract(amount);
        }
        if (preRequested.signum() < 0 || acceptanceRequested.signum() < 0) {
            throw new IllegalStateException("cancelled more than requested");
        }
    }

    /** A requested (and approved) amount is paid. */
    public void pay(BigDecimal amount) {
        positive(amount);
        open();
        if (paid.add(amount).compareTo(preRequested.add(acceptanceRequested)) > 0
                || paid.add(amount).subtract(recovered).compareTo(committed) > 0) {
            throw ProblemException.rule("beyond-committed", "Beyond the committed budget",
                    "paying " + amount.toPlainString() + " would pay more than was requested or committed");
        }
        paid = paid.add(amount);
    }

    /** Money recovered (追回); never more than was paid and not yet recovered. */
    public void recover(BigDecimal amount) {
        positive(amount);
        if (recovered.add(amount).compareTo(paid) > 0) {
            throw ProblemException.rule("recovery-exceeds-paid", "More than was paid",
                    "only " + paid.subtract(recovered).toPlainString() + " paid is not recovered yet");
        }
        recovered = recovered.add(amount);
    }

    /** The lowest the committed budget may be amended to: every live request must still fit, R7's cap included. */
    public BigDecimal amendmentFloor() {
        // the smallest budget whose cap still covers the pre-disbursements requested, rounded up to the fen
        BigDecimal underCap = preCapPercent == 0 ? BigDecimal.ZERO
                : preRequested.multiply(HUNDRED).divide(BigDecimal.valueOf(preCapPercent), 2, java.math.RoundingMode.UP);
        return preRequested.add(acceptanceRequested).max(underCap).max(paid.subtract(recovered));
    }

    /** An amendment (增减) of the committed budget; returns the change. Direction room is checked by the caller. */
    public BigDecimal amend(BigDecimal newCommitted) {
        if (newCommitted == null || newCommitted.signum() < 0) {
            throw ProblemException.invalid("invalid-amount", "the committed budget cannot be negative");
        }
        open();
        if (newCommitted.compareTo(amendmentFloor()) < 0) {
            throw ProblemException.rule("amendment-below-requested", "Budget below what is requested or paid",
                    "the committed budget cannot go below " + amendmentFloor().toPlainString()
                            + " (requests and payments made, and the pre-disbursements under R7's " + preCapPercent + "% cap)");
        }
        BigDecimal change = newCommitted.subtract(committed);
        committed = newCommitted;
        return change;
    }

    /**
     * The project is stopped (acceptance failed, violation, disqualification): no more requests or payments, and the
     * commitment shrinks to what is paid and not recovered. Returns what goes back to the direction (RELEASE).
     * Live requests must have been {@link #cancel cancelled} first.
     */
    public BigDecimal stop() {
        stopped = true;
        return releaseUnused();
    }

    /** For a stopped project: the commitment beyond what is paid and not recovered goes back to the direction. */
    public BigDecimal releaseUnused() {
        if (!stopped) {
            return BigDecimal.ZERO;
        }
        BigDecimal keep = paid.subtract(recovered);
        BigDecimal release = committed.subtract(keep).max(BigDecimal.ZERO);
        committed = committed.subtract(release);
        return release;
    }

    /** What is paid, not recovered, and not yet covered by open recovery orders. */
    public BigDecimal recoverable(BigDecimal outstandingOrdered) {
        return paid.subtract(recovered).subtract(outstandingOrdered).max(BigDecimal.ZERO);
    }

    /** The invariants; an empty string when they hold. */
    public String violations() {
        StringBuilder s = new StringBuilder();
        if (committed.signum() < 0) s.append("committed < 0; ");
        if (recovered.compareTo(paid) > 0) s.append("recovered > paid; ");
        if (paid.subtract(recovered).compareTo(committed) > 0) s.append("paid - recovered > committed; ");
        if (!stopped && preRequested.compareTo(preCap()) > 0) s.append("pre-disbursed > " + preCapPercent + "%; ");
        if (buildFirst && preRequested.signum() > 0) s.append("pre-disbursement under R20; ");
        if (paid.compareTo(preRequested.add(acceptanceRequested)) > 0) s.append("paid > requested; ");
        return s.toString();
    }

    private void open() {
        if (stopped) {
            throw ProblemException.conflict("project-stopped", "Payments to the project are stopped",
                    "the project is stopped (acceptance failed, a violation or a disqualification): no request or payment");
        }
    }

    private static void positive(BigDecimal amount) {
        if (amount == null || amount.signum() <= 0 || amount.scale() > 2 && amount.stripTrailingZeros().scale() > 2) {
            throw ProblemException.invalid("invalid-amount", "an amount is positive, in yuan, with at most two decimals");
        }
    }

    public BigDecimal committed() { return committed; }
    public BigDecimal preRequested() { return preRequested; }
    public BigDecimal acceptanceRequested() { return acceptanceRequested; }
    public BigDecimal paid() { return paid; }
    public BigDecimal recovered() { return recovered; }
    public boolean buildFirst() { return buildFirst; }
    public boolean stopped() { return stopped; }
}
