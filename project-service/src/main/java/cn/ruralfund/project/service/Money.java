package cn.ruralfund.project.service;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Yuan exact to the fen, and percentages to two decimals: scale 2, never rounded (validation refused a third decimal). */
public final class Money {

    private Money() {
    }

    public static BigDecimal of(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.UNNECESSARY);
    }
}
