package cn.ruralfund.budget.service;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Yuan, exact to the fen: scale 2, never rounded (validation has already refused a third decimal). */
public final class Money {

    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private Money() {
    }

    public static BigDecimal of(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }
}
