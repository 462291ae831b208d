package cn.ruralfund.budget.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** 大写金额 as the payment request report prints it, checked against amounts written by hand. */
class ChineseAmountTest {

    @ParameterizedTest
    @CsvSource({
            "0.00, 人民币零元整",
            "0.05, 人民币伍分",
            "0.50, 人民币伍角",
            "1.00, 人民币壹元整",
            "10.00, 人民币壹拾元整",
            "10000.00, 人民币壹万元整",
            "100000.01, 人民币壹拾万元零壹分",
            "100500.00, 人民币壹拾万零伍佰元整",
            "1234.56, 人民币壹仟贰佰叁拾肆元伍角陆分",
            "1001.10, 人民币壹仟零壹元壹角",
            "2500000.00, 人民币贰佰伍拾万元整",
            "5000000.00, 人民币伍佰万元整",
            "10010000.00, 人民币壹仟零壹万元整",
            "100000001.00, 人民币壹亿零壹元整",
            "123456789.12, 人民币壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元壹角贰分",
            "9999999999999.99, 人民币玖万亿玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分",
            "1000000000000.00, 人民币壹万亿元整",
            "100000000000.00, 人民币壹仟亿元整"})
    void amountsInCapitalNumerals(String yuan, String chinese) {
        assertThat(ChineseAmount.of(new BigDecimal(yuan))).isEqualTo(chinese);
    }
}
