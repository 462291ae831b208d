package cn.ruralfund.budget.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount in yuan written in Chinese capital numerals (大写金额), as finance documents state it beside the figures so
 * that no digit can be altered: 10000.00 → 人民币壹万元整, 1234.56 → 人民币壹仟贰佰叁拾肆元伍角陆分, 100000.01 →
 * 人民币壹拾万元零壹分. Up to 9,999,999,999,999.99 (the largest amount a column holds).
 */
public final class ChineseAmount {

    private static final String[] DIGITS = {"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"};
    private static final String[] SMALL_UNITS = {"", "拾", "佰", "仟"};
    private static final String[] GROUP_UNITS = {"", "万", "亿", "万亿"};

    private ChineseAmount() {
    }

    public static String of(BigDecimal yuan) {
        if (yuan.signum() < 0) {
            return "负" + of(yuan.negate());
        }
        long fen = yuan.setScale(2, RoundingMode.UNNECESSARY).movePointRight(2).longValueExact();
        long whole = fen / 100;
        int jiao = (int) (fen / 10 % 10);
        int cents = (int) (fen % 10);
        StringBuilder s = new StringBuilder("人民币");
        if (whole > 0) {
            s.append(integer(whole)).append("元");
        }
        if (jiao == 0 && cents == 0) {
            return s.append(whole == 0 ? "零元整" : "整").toString();
        }
        if (jiao > 0) {
            s.append(DIGITS[jiao]).append("角");
        } else if (whole > 0) {
            s.append("零");
        }
        if (cents > 0) {
            s.append(DIGITS[cents]).append("分");
        }
        return s.toString();
    }

    /** A whole number of yuan, in groups of four digits (个, 万, 亿, 万亿), with one 零 for each run of zeros inside. */
    private static String integer(long n) {
        int[] groups = new int[GROUP_UNITS.length];
        for (int i = 0; n > 0; i++) {
            groups[i] = (int) (n % 10000);
            n /= 10000;
        }
        StringBuilder s = new StringBuilder();
        boolean zeros = false;
        for (int i = groups.length - 1; i >= 0; i--) {
            if (groups[i] == 0) {
                zeros = s.length() > 0;
                continue;
            }
            if (s.length() > 0 && (zeros || groups[i] < 1000)) {
                s.append("零");
            }
            s.append(four(groups[i])).append(GROUP_UNITS[i]);
            zeros = false;
        }
        return s.toString();
    }

    /** 1..9999 within a group, with 零 for zeros between digits. */
    private static String four(int n) {
        StringBuilder s = new StringBuilder();
        boolean zero = false;
        for (int unit = 3; unit >= 0; unit--) {
            int digit = n / (int) Math.pow(10, unit) % 10;
            if (digit == 0) {
                zero = s.length() > 0;
            } else {
                if (zero) {
                    s.append("零");
                    zero = false;
                }
                s.append(DIGITS[digit]).append(SMALL_UNITS[unit]);
            }
        }
        return s.toString();
    }
}
