package cn.ruralfund.reporting.service;

import cn.ruralfund.reporting.domain.Brand;
import cn.ruralfund.reporting.domain.Product;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A checked sales record: one month of one product on one platform in one township. */
public record SalesRow(LocalDate period, Brand brand, Product product, String platform, String township,
                       BigDecimal amount, int orders, int units, boolean poorHousehold) {

    /** The record's identity: a second record with the same key is a correction (or, with the same figures, a duplicate). */
    public String key() {
        return period + "|" + product.id + "|" + platform + "|" + township;
    }

    public boolean sameFigures(BigDecimal otherAmount, int otherOrders, int otherUnits, boolean otherPoor) {
        return amount.compareTo(otherAmount) == 0 && orders == otherOrders && units == otherUnits && poorHousehold == otherPoor;
    }
}
