package cn.ruralfund.reporting.service;

import cn.ruralfund.reporting.domain.Brand;
import cn.ruralfund.reporting.domain.Product;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/** The checks every sales record passes, whichever way it came in. Pure: the register and today are given. */
public final class SalesCheck {

    /** No single record of one product in one month on one platform in one township is plausibly above this. */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000.00");
    public static final int MAX_COUNT = 100_000_000;
    private static final YearMonth EARLIEST = YearMonth.of(2000, 1);

    private SalesCheck() {
    }

    public static SalesRow check(SalesInput in, RegisterSnapshot register, Reporter reporter, LocalDate today) {
        YearMonth period = period(in.period(), today);
        String brandName = required(in.brand(), "brand");
        String productName = required(in.product(), "product");
        String platform = required(in.platform(), "platform").toUpperCase(java.util.Locale.ROOT);
        String township = required(in.township(), "township");
        if (township.contains("|") || township.length() > 100) {
            throw new RowRejected("township " + township + " is not a township name");
        }
        BigDecimal amount = amount(in.amount());
        int orders = count(in.orders(), "orders");
        int units = count(in.units(), "units");
        if (in.poorHousehold() == null) {
            throw new RowRejected("poorHousehold is missing (true when the goods came from registered poor households)");
        }
        if (!register.platform(platform)) {
            throw new RowRejected("unknown platform " + platform + "; one of " + new java.util.TreeSet<>(register.platforms()));
        }
        Brand brand = register.brand(brandName);
        if (brand == null) {
            throw new RowRejected("unknown brand " + brandName + ": register it first");
        }
        Product product = register.product(brand, productName);
        if (product == null) {
            throw new RowRejected("unknown product " + productName + " of brand " + brandName + ": register it first");
        }
        if (reporter.isEnterprise() && !reporter.enterprise().equals(brand.enterpriseCode)) {
            throw new RowRejected("brand " + brandName + " belongs to another enterprise: an enterprise reports its own brands only", true);
        }
        if (reporter.isAssistant() && !reporter.township().equals(township)) {
            throw new RowRejected("township " + township + " is not yours: a township assistant reports for " + reporter.township() + " only (R18)", true);
        }
        return new SalesRow(period.atDay(1), brand, product, platform, township, amount, orders, units, in.poorHousehold());
    }

    static YearMonth period(String text, LocalDate today) {
        String value = required(text, "period");
        YearMonth period;
        try {
            period = YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw new RowRejected("period " + value + " is not a month like 2021-03");
        }
        if (period.isBefore(EARLIEST) || period.isAfter(YearMonth.from(today))) {
            throw new RowRejected("period " + value + " is in the future or before " + EARLIEST);
        }
        return period;
    }

    /** A month asked for in a query: a 400 problem when it is not one. */
    public static YearMonth periodOrProblem(String text, LocalDate today) {
        try {
            return period(text, today);
        } catch (RowRejected e) {
            throw cn.ruralfund.platform.problem.ProblemException.invalid("period", e.getMessage());
        }
    }

    static BigDecimal amount(BigDecimal amount) {
        if (amount == null) {
            throw new RowRejected("amount is missing");
        }
        if (amount.signum() < 0) {
            throw new RowRejected("amount " + amount.toPlainString() + " is negative");
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new RowRejected("amount " + amount.toPlainString() + " has more than two decimals (yuan, exact to the fen)");
        }
        if (amount.compareTo(MAX_AMOUNT) > 0) {
            throw new RowRejected("amount " + amount.toPlainString() + " is above " + MAX_AMOUNT.toPlainString() + " for one record");
        }
        return amount.setScale(2);
    }

    static int count(Integer value, String field) {
        if (value == null) {
            throw new RowRejected(field + " is missing");
        }
        if (value < 0 || value > MAX_COUNT) {
            throw new RowRejected(field + " " + value + " is negative or implausibly large");
        }
        return value;
    }

    static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new RowRejected(field + " is missing");
        }
        return value.strip();
    }
}
