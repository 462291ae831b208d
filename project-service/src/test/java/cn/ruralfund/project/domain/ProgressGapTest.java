package cn.ruralfund.project.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** R12's arithmetic on the plan of the supervision tests: 30% by 03-31, 30% more by 06-30, the last 40% by 12-31. */
class ProgressGapTest {

    static final List<ProgressGap.Due> PLAN = List.of(
            new ProgressGap.Due(LocalDate.of(2021, 3, 31), new BigDecimal("30")),
            new ProgressGap.Due(LocalDate.of(2021, 6, 30), new BigDecimal("30")),
            new ProgressGap.Due(LocalDate.of(2021, 12, 31), new BigDecimal("40")));
    static final BigDecimal THRESHOLD = new BigDecimal("10");
    static final BigDecimal SERIOUS = new BigDecimal("30");

    @Test
    void R12_theMilestoneDayItselfCountsAsDue() {
        assertThat(ProgressGap.on(LocalDate.of(2021, 3, 30), PLAN, null, THRESHOLD, SERIOUS).planned()).isEqualByComparingTo("0");
        assertThat(ProgressGap.on(LocalDate.of(2021, 3, 31), PLAN, null, THRESHOLD, SERIOUS).planned()).isEqualByComparingTo("30");
    }

    @Test
    void R12_aGapAboveTheThresholdDeviatesAndAtTheSeriousThresholdIsSerious() {
        ProgressGap exactlyThreshold = ProgressGap.on(LocalDate.of(2021, 7, 5), PLAN, new BigDecimal("50.00"), THRESHOLD, SERIOUS);
        assertThat(exactlyThreshold.gap()).isEqualTo(new BigDecimal("10.00"));
        assertThat(exactlyThreshold.deviates()).as("10 points is not above 10").isFalse();
        ProgressGap small = ProgressGap.on(LocalDate.of(2021, 7, 5), PLAN, new BigDecimal("49.99"), THRESHOLD, SERIOUS);
        assertThat(small.deviates()).isTrue();
        assertThat(small.serious()).isFalse();
        ProgressGap serious = ProgressGap.on(LocalDate.of(2021, 7, 5), PLAN, new BigDecimal("30.00"), THRESHOLD, SERIOUS);
        assertThat(serious.gap()).isEqualTo(new BigDecimal("30.00"));
        assertThat(serious.serious()).isTrue();
    }

    @Test
    void R12_progressAheadOfThePlanIsNoGapAndThePlanNeverPassesHundred() {
        ProgressGap ahead = ProgressGap.on(LocalDate.of(2021, 4, 1), PLAN, new BigDecimal("80"), THRESHOLD, SERIOUS);
        assertThat(ahead.gap()).isEqualTo(new BigDecimal("0.00"));
        List<ProgressGap.Due> overweight = List.of(new ProgressGap.Due(LocalDate.of(2021, 1, 1), new BigDecimal("70")),
                new ProgressGap.Due(LocalDate.of(2021, 2, 1), new BigDecimal("70")));
        assertThat(ProgressGap.on(LocalDate.of(2021, 3, 1), overweight, null, THRESHOLD, SERIOUS).planned()).isEqualTo(new BigDecimal("100.00"));
    }
}
