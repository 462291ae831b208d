package cn.ruralfund.reporting.domain;

/** Where an indicator's actual value comes from: a metric computed from data, or an official's manual entry with evidence. */
public enum MetricSource {
    /** T1: brands flagged as regional public brands (区域公共品牌). */
    REGIONAL_PUBLIC_BRANDS,
    /** T2: products flagged internet-famous (网红农村产品). */
    INTERNET_FAMOUS_PRODUCTS,
    /** T3: brands whose online sales in one calendar year reached the indicator's threshold. */
    BRANDS_OVER_THRESHOLD,
    /** T6: products with at least one 三品一标 certification. */
    CERTIFIED_PRODUCTS,
    /** T10: (paid − recovered) / allotted, in percent, from budget-service's events. */
    FUND_EXECUTION_RATE,
    /** Online sales of the program's brands over its whole period, in yuan. */
    ONLINE_SALES,
    /** Online sales of goods from registered poor households, in yuan (T9). */
    POOR_HOUSEHOLD_SALES,
    /** Entered by an official, with its evidence. */
    MANUAL
}
