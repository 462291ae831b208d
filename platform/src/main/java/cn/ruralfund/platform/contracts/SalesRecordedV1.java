package cn.ruralfund.platform.contracts;

import cn.ruralfund.platform.events.EventType;

import java.math.BigDecimal;

/**
 * One month of online sales (网销额) of one product on one platform in one township, sent by a machine feed
 * (an e-commerce platform's or an enterprise's shop system) on the reporting family's topic; consumed by
 * reporting-service, which checks it exactly as a record sent through its REST API. Subject = enterpriseCreditCode.
 * The record's key is (period, brand, product, platform, township): a later event with the same key and other
 * figures corrects it (the earlier version is kept), the same figures again change nothing.
 * Schema: {@code events/reporting.sales-recorded.v1.schema.json}.
 *
 * @param enterpriseCreditCode the enterprise that reports: it must own the brand
 * @param period               the month of the sales, {@code yyyy-MM}
 * @param platform             a platform code of reporting-service's list ({@code GET /platforms}), e.g. TAOBAO, JD
 * @param amount               sales in yuan, exact to the fen, not negative
 * @param poorHousehold        the goods came from registered poor households (建档立卡贫困户)
 */
public record SalesRecordedV1(
        String enterpriseCreditCode,
        String period,
        String brand,
        String product,
        String platform,
        String township,
        BigDecimal amount,
        Integer orders,
        Integer units,
        Boolean poorHousehold) {

    public static final EventType<SalesRecordedV1> TYPE =
            new EventType<>("reporting", "sales-recorded", 1, SalesRecordedV1.class);
}
