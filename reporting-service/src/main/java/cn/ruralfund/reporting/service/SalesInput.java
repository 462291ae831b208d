package cn.ruralfund.reporting.service;

import java.math.BigDecimal;

/** A sales record as it arrives (REST, CSV line, Kafka event), before any check; any field may be missing. */
public record SalesInput(String period, String brand, String product, String platform, String township,
                         BigDecimal amount, Integer orders, Integer units, Boolean poorHousehold) {
}
