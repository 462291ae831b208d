package cn.ruralfund.project;

import cn.ruralfund.project.domain.CreditCode;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The GB 32100-2015 check character of the unified social credit code. */
class CreditCodeTest {

    @Test
    void CreditCode_knownValidCodeIsAccepted() {
        assertThat(CreditCode.isValid("91350100M000100Y43")).isTrue();
        assertThat(CreditCode.checkCharacter("91350100M000100Y4")).isEqualTo('3');
    }

    @Test
    void CreditCode_wrongCheckCharacterIsRejected() {
        assertThat(CreditCode.problem("91350100M000100Y44")).contains("check character");
        assertThat(CreditCode.isValid("91350100M000100Y4X")).isFalse();
    }

    @Test
    void CreditCode_lettersIOSVZAreNotInTheAlphabet() {
        for (char bad : new char[]{'I', 'O', 'S', 'V', 'Z'}) {
            assertThat(CreditCode.problem("91350100M00010" + bad + "Y43")).contains("not allowed");
        }
        assertThat(CreditCode.isValid("91532801MA6K5XYZ1A")).isFalse();
    }

    @Test
    void CreditCode_wrongLengthAndNonDigitDivisionAreRejected() {
        assertThat(CreditCode.isValid(null)).isFalse();
        assertThat(CreditCode.isValid("")).isFalse();
        assertThat(CreditCode.isValid("91350100M000100Y4")).isFalse();
        assertThat(CreditCode.isValid("91350100M000100Y430")).isFalse();
        assertThat(CreditCode.problem("913501A0M000100Y43")).contains("administrative division");
        assertThat(CreditCode.isValid("91350100m000100y43")).isFalse();
        assertThat(CreditCode.isValid(CreditCode.normalise(" 91350100m000100y43 "))).isTrue();
    }

    @RepeatedTest(20)
    void CreditCode_anySingleCharacterChangeIsDetected() {
        String code = Fixtures.creditCode();
        assertThat(CreditCode.isValid(code)).as(code).isTrue();
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        for (int i = 0; i < 17; i++) {
            if (i >= 2 && i < 8) {
                continue; // digits only there; covered above
            }
            char original = code.charAt(i);
            char other = alphabet.charAt((alphabet.indexOf(original) + 1 + i) % alphabet.length());
            if (other == original) {
                continue;
            }
            String changed = code.substring(0, i) + other + code.substring(i + 1);
            assertThat(CreditCode.isValid(changed)).as(changed).isFalse();
        }
    }
}
