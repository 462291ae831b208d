package cn.ruralfund.budget.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * Balances derived from ledger entries (sums by kind), for a program, a direction, a project or an enterprise.
 * allotted = committed + uncommitted by construction; the invariants are {@code uncommitted ≥ 0} (for a program or
 * direction), {@code recovered ≤ paid} and {@code paid − recovered ≤ committed}.
 */
public record Balances(BigDecimal allotted, BigDecimal committed, BigDecimal paid, BigDecimal recovered) {

    public static final Balances ZERO = new Balances(BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2),
            BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2));

    /** From the sum of entry amounts per kind (ALLOT, COMMIT, RELEASE, PRE_DISBURSE, PAY, RECOVER). */
    public static Balances of(Map<String, BigDecimal> sumsByKind) {
        BigDecimal z = BigDecimal.ZERO.setScale(2);
        return new Balances(
                sumsByKind.getOrDefault("ALLOT", z),
                sumsByKind.getOrDefault("COMMIT", z).subtract(sumsByKind.getOrDefault("RELEASE", z)),
                sumsByKind.getOrDefault("PRE_DISBURSE", z).add(sumsByKind.getOrDefault("PAY", z)),
                sumsByKind.getOrDefault("RECOVER", z));
    }

    public BigDecimal uncommitted() {
        return allotted.subtract(committed);
    }

    public BigDecimal netPaid() {
        return paid.subtract(recovered);
    }

    /** T10 资金执行率: money paid and kept (paid − recovered) over money allotted; 0 when nothing is allotted. */
    public BigDecimal executionRate() {
        return allotted.signum() == 0 ? BigDecimal.ZERO.setScale(4) : netPaid().divide(allotted, 4, RoundingMode.HALF_EVEN);
    }

    /** The invariants that hold for any program or direction; empty when all hold. */
    public String violations(boolean hasAllotment) {
        StringBuilder s = new StringBuilder();
        if (hasAllotment && uncommitted().signum() < 0) s.append("committed > allotted; ");
        if (committed.signum() < 0) s.append("committed < 0; ");
        if (recovered.compareTo(paid) > 0) s.append("recovered > paid; ");
        if (netPaid().compareTo(committed) > 0) s.append("paid - recovered > committed; ");
        return s.toString();
    }
}
