package cn.ruralfund.publicity.calendar;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** R5: the window length is a setting that can never go below 5 working days; the counting defaults to the Civil Code. */
class PublicitySettingsTest {

    @Test
    void R5_aWindowSettingBelowFiveWorkingDaysStopsTheService() {
        assertThatThrownBy(() -> new PublicitySettings(4, Counting.CIVIL_CODE))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("at least 5");
        assertThatThrownBy(() -> new PublicitySettings(0, Counting.PUBLICATION_DAY_COUNTS)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void R5_longerWindowsAndTheOtherCountingAreAllowed() {
        PublicitySettings seven = new PublicitySettings(7, Counting.PUBLICATION_DAY_COUNTS);
        assertThat(seven.workingDays()).isEqualTo(7);
        assertThat(seven.counting()).isEqualTo(Counting.PUBLICATION_DAY_COUNTS);
    }
}
