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
    /**
     * T7: projects of the program accepted (acceptance PASS, enterprise not disqualified) whose task or budget-line
     * categories match one of the indicator's {@code projectMatch} words (e.g. 冷链|COLD_CHAIN_FACILITY), from
     * project-service's and acceptance-service's events.
     */
    ACCEPTED_PROJECTS_OF_TASK,
    /**
     * T4, T5, T8, T9: the number of evidenced entries officials recorded for the indicator (a standard adopted, the
     * resource library opened, a marketing event held, a poor village's shop opened), each with its date, evidence and
     * who entered it; a withdrawn entry no longer counts.
     */
    EVIDENCED_ENTRIES,
    /** A single figure entered by an official (e.g. a satisfaction survey's result), with its evidence and who entered it. */
    MANUAL
}
