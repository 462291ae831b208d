package cn.ruralfund.platform.money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Yuan, exact to the fen: scale 2, never rounded (validation has already refused a third decimal, and
 * {@link RoundingMode#UNNECESSARY} fails loudly if one slips through). Percentages of progress use the same scale.
 */
public final class Money {

    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private Money() {
    }

    /** The amount at scale 2; null stays null (an optional amount). */
    public static BigDecimal of(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.UNNECESSARY);
    }
}
