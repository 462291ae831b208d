package cn.ruralfund.reporting.domain;

/** 三品一标: the certifications of farm products counted by T6. */
public enum Certification {
    /** 无公害农产品 */
    POLLUTION_FREE,
    /** 绿色食品 */
    GREEN_FOOD,
    /** 有机农产品 */
    ORGANIC,
    /** 农产品地理标志 */
    GEOGRAPHICAL_INDICATION
}
