package cn.ruralfund.project.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/**
 * R12, planned against actual (进度偏差): the planned percentage is the weight of the milestones due by the day (capped
 * at 100), the actual one the latest report's; the gap is how far actual falls behind. It is a deviation above the
 * threshold, and serious at or above the serious threshold. Pure arithmetic, as {@code ProjectFunds} is for money.
 */
public record ProgressGap(BigDecimal planned, BigDecimal actual, BigDecimal gap, boolean deviates, boolean serious) {

    private static final BigDecimal HUNDRED = new BigDecimal("100.00");

    public record Due(LocalDate plannedDate, BigDecimal weight) {
    }

    public static ProgressGap on(LocalDate day, List<Due> milestones, BigDecimal latestPercent, BigDecimal threshold, BigDecimal seriousThreshold) {
        BigDecimal planned = milestones.stream().filter(m -> !m.plannedDate().isAfter(day)).map(Due::weight)
                .reduce(BigDecimal.ZERO, BigDecimal::add).min(HUNDRED).setScale(2, RoundingMode.UNNECESSARY);
        BigDecimal actual = latestPercent == null ? BigDecimal.ZERO.setScale(2) : latestPercent.setScale(2, RoundingMode.UNNECESSARY);
        BigDecimal gap = planned.subtract(actual).max(BigDecimal.ZERO).setScale(2, RoundingMode.UNNECESSARY);
        return new ProgressGap(planned, actual, gap, gap.compareTo(threshold) > 0, gap.compareTo(seriousThreshold) >= 0);
    }
}
