package cn.ruralfund.reporting;

import cn.ruralfund.platform.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static cn.ruralfund.reporting.Fixtures.brand;
import static cn.ruralfund.reporting.Fixtures.exact;
import static cn.ruralfund.reporting.Fixtures.program;
import static cn.ruralfund.reporting.Fixtures.yearSales;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** CSV uploads: Excel's BOM and CRLF, GB18030, bad lines reported by number, good lines kept (the stated policy). */
@QuarkusTest
class CsvUploadTest {

    static io.restassured.response.ValidatableResponse upload(String token, byte[] file) {
        return given().auth().oauth2(token).multiPart("file", "sales.csv", file, "text/csv").post("/sales/uploads").then();
    }

    @Test
    void CSV_badLinesAreReportedByNumberAndGoodLinesAreKept() {
        UUID program = program();
        var b = brand(program, 2);
        String n = b.name();
        String csv = "\uFEFFperiod,brand,product,platform,township,amount,orders,units,poor_household\r\n" // line 1, with Excel's BOM
                + "2021-01," + n + ",P1,TAOBAO,勐龙镇,100.10,1,2,false\r\n"        // 2 good
                + "2021-01," + n + ",P1,JD,勐龙镇,200.20,3,4,是\r\n"               // 3 good
                + "2021-01," + n + ",P1,JD\r\n"                                    // 4 malformed: too few fields
                + "2021-02," + n + ",P2,JD,勐龙镇,-5.00,1,1,false\r\n"             // 5 negative amount
                + "2021-02,没有的品牌,P1,JD,勐龙镇,5.00,1,1,false\r\n"             // 6 unknown brand
                + "2021-01," + n + ",P1,TAOBAO,勐龙镇,100.10,1,2,false\r\n"        // 7 duplicate of line 2
                + "2021-03," + n + ",\"P2\",KUAISHOU,\"勐罕镇\",\"1,000.00\",1,1,no\r\n" // 8 amount with a thousands comma
                + "2021-03," + n + ",P2,DOUYIN,勐罕镇,300.30,5,6,no\r\n"           // 9 good
                + "\r\n";
        var report = exact(upload(Tokens.enterprise(b.enterprise()), csv.getBytes(StandardCharsets.UTF_8)).statusCode(200)
                .body("charset", equalTo("UTF-8")));

        assertThat(report.getLong("lines")).isEqualTo(8);
        assertThat(report.getLong("created")).isEqualTo(3);
        assertThat(report.getLong("unchanged")).isEqualTo(1);
        assertThat(report.getList("duplicateLines", Integer.class)).containsExactly(7);
        assertThat(report.getLong("rejected")).isEqualTo(4);
        List<Map<String, Object>> problems = report.getList("problems");
        assertThat(problems).extracting(p -> ((Number) p.get("line")).intValue()).containsExactly(4, 5, 6, 8);
        assertThat(problems.get(0).get("reason").toString()).contains("fields");
        assertThat(problems.get(1).get("reason").toString()).contains("negative");
        assertThat(problems.get(2).get("reason").toString()).contains("unknown brand");
        assertThat(problems.get(3).get("reason").toString()).contains("not a number");
        assertThat(report.getString("policy")).contains("good rows kept");
        assertThat(yearSales(b, 2021)).as("lines 2, 3 and 9 are recorded").isEqualTo("600.60");

        // the same file again, fixed: the recorded lines change nothing, the fixed ones are added
        String fixed = csv.replace(",-5.00,", ",5.00,").replace("\"1,000.00\"", "1000.00").replace("2021-01," + n + ",P1,JD\r\n", "");
        var again = exact(upload(Tokens.enterprise(b.enterprise()), fixed.getBytes(StandardCharsets.UTF_8)).statusCode(200));
        assertThat(again.getLong("created")).isEqualTo(2);
        assertThat(again.getLong("unchanged")).isEqualTo(4);
        assertThat(again.getLong("rejected")).isEqualTo(1); // the unknown brand
        assertThat(yearSales(b, 2021)).isEqualTo("1605.60");
    }

    @Test
    void CSV_gb18030FileSavedByChineseExcelIsDetected() throws Exception {
        UUID program = program();
        var b = brand(program, 1);
        String csv = "period,brand,product,platform,township,amount,orders,units,poor_household\r\n"
                + "2021-05," + b.name() + ",P1,JD,嘎洒镇,88.80,1,1,否\r\n";
        upload(Tokens.enterprise(b.enterprise()), csv.getBytes(Charset.forName("GB18030"))).statusCode(200)
                .body("charset", equalTo("GB18030")).body("created", equalTo(1));
        given().auth().oauth2(Fixtures.OFFICE).queryParam("period", "2021-05").queryParam("township", "嘎洒镇").get("/sales").then()
                .statusCode(200).body("findAll { it.brand == '" + b.name() + "' }.township", equalTo(List.of("嘎洒镇")));
    }

    @Test
    void CSV_aFileInNoKnownEncodingOrWithoutItsHeaderIsRefusedWhole() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write("period,brand,product,platform,township,amount,orders,units,poor_household\n".getBytes(StandardCharsets.US_ASCII));
        bytes.write(new byte[]{(byte) 0xFF, (byte) 0xFE, (byte) 0xFF, '\n'});
        upload(Fixtures.OFFICE, bytes.toByteArray()).statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("UTF-8"));
        upload(Fixtures.OFFICE, "period,brand,amount\n2021-01,x,1\n".getBytes(StandardCharsets.UTF_8)).statusCode(400)
                .body("detail", containsString("line 1"));
        given().auth().oauth2(Tokens.of("AUDITOR")).multiPart("file", "s.csv", "x".getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/sales/uploads").then().statusCode(403);
    }

    @Test
    void R18_anAssistantsUploadKeepsItsTownshipLinesOnly() {
        UUID program = program();
        var b = brand(program, 1);
        String town = "基诺山乡-" + UUID.randomUUID();
        String csv = "period,brand,product,platform,township,amount,orders,units,poor_household\n"
                + "2021-06," + b.name() + ",P1,JD," + town + ",10.00,1,1,false\n"
                + "2021-06," + b.name() + ",P1,JD,景哈乡,20.00,1,1,false\n";
        var report = exact(upload(Tokens.townshipAssistant(town), csv.getBytes(StandardCharsets.UTF_8)).statusCode(200));
        assertThat(report.getLong("created")).isEqualTo(1);
        assertThat(report.getList("problems.line", Integer.class)).containsExactly(3);
        assertThat(report.getList("problems.reason", String.class).get(0)).contains("R18");
        assertThat(yearSales(b, 2021)).isEqualTo("10.00");
    }
}
