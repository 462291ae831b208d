package cn.ruralfund.publicity;

import cn.ruralfund.platform.contracts.BudgetCommittedV1;
import cn.ruralfund.platform.contracts.DisbursementPaidV1;
import cn.ruralfund.platform.contracts.TenderAwardedV1;
import cn.ruralfund.platform.testing.Events;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every published OCDS release package validates against the OCDS 1.1.5 release-package schema (draft 4), with a real validator. */
@QuarkusTest
class OpenContractingTest {

    @Inject
    Vertx vertx;

    static final ObjectMapper MAPPER = new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    static final Schema PACKAGE_SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4,
                    b -> b.schemaIdResolvers(r -> r.mapPrefix("https://standard.open-contracting.org/schema/1__1__5/", "classpath:ocds/"))
                            .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()))
            .getSchema(SchemaLocation.of("classpath:ocds/release-package-schema.json"));

    static List<Error> validate(JsonNode releasePackage) {
        return PACKAGE_SCHEMA.validate(releasePackage);
    }

    @Test
    void R17_aTenderAwardIsPublishedAsAValidOcdsRelease() throws Exception {
        TenderAwardedV1 t = NoticeTest.tender(UUID.randomUUID(), "1280000.50");
        Events.send(TenderAwardedV1.TYPE, t.tenderId().toString(), t);
        String ocid = "ocds-jh2020-" + t.tenderId();
        await().atMost(Duration.ofSeconds(60)).until(() -> given().get("/ocds/releases/" + ocid).statusCode() == 200);
        String raw = given().get("/ocds/releases/" + ocid).then().statusCode(200).contentType("application/json").extract().asString();
        assertThat(raw).contains("\"amount\":1280000.50");
        JsonNode pkg = MAPPER.readTree(raw);
        assertThat(validate(pkg)).isEmpty();
        JsonNode release = pkg.path("releases").get(0);
        assertThat(release.path("ocid").asText()).isEqualTo(ocid);
        assertThat(release.path("tag").get(0).asText()).isEqualTo("award");
        assertThat(release.path("awards").get(0).path("value").path("amount").decimalValue()).isEqualByComparingTo("1280000.50");
        assertThat(release.path("awards").get(0).path("value").path("currency").asText()).isEqualTo("CNY");
        assertThat(release.path("tender").path("numberOfTenderers").asInt()).isEqualTo(4);

        JsonNode all = MAPPER.readTree(given().get("/ocds/releases").then().statusCode(200).extract().asByteArray());
        assertThat(validate(all)).isEmpty();
        assertThat(all.path("releases").size()).isGreaterThanOrEqualTo(1);
        given().get("/ocds/releases/ocds-jh2020-" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void R17_aProjectIsPublishedAsAContractAndEachPaymentAsAnImplementationTransaction() throws Exception {
        UUID program = UUID.randomUUID();
        UUID project = Fixtures.known(Fixtures.registered("开放数据测试项目", program), vertx);
        String code = "91532801MA6K000001";
        Events.send(BudgetCommittedV1.TYPE, project.toString(), new BudgetCommittedV1(project, program, UUID.randomUUID(), code,
                new BigDecimal("400000.00"), new BigDecimal("400000.00"), 1, "立项"));
        UUID disbursement = UUID.randomUUID();
        Events.send(DisbursementPaidV1.TYPE, project.toString(), new DisbursementPaidV1(disbursement, project, program, UUID.randomUUID(), code,
                "PRE_DISBURSEMENT", new BigDecimal("200000.50"), LocalDate.of(2021, 5, 20), "JH-PZ-2021-0520", "中国农业银行景洪支行",
                "6228480123456789012", new BigDecimal("200000.50")));
        Events.send(BudgetCommittedV1.TYPE, project.toString(), new BudgetCommittedV1(project, program, UUID.randomUUID(), code,
                new BigDecimal("380000.00"), new BigDecimal("-20000.00"), 2, "核减"));
        String ocid = "ocds-jh2020-project-" + project;
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            var r = given().get("/ocds/releases/" + ocid);
            return r.statusCode() == 200 && r.jsonPath().getList("releases").size() == 3;
        });
        String raw = given().get("/ocds/releases/" + ocid).then().statusCode(200).extract().asString();
        JsonNode pkg = MAPPER.readTree(raw);
        assertThat(validate(pkg)).isEmpty();
        // newest first: the amendment, the payment, the contract (one partition: in the order budget-service published them)
        JsonNode amended = pkg.path("releases").get(0);
        JsonNode payment = pkg.path("releases").get(1);
        JsonNode contract = pkg.path("releases").get(2);
        assertThat(contract.path("tag").get(0).asText()).isEqualTo("contract");
        assertThat(contract.path("contracts").get(0).path("title").asText()).isEqualTo("开放数据测试项目");
        assertThat(contract.path("contracts").get(0).path("value").path("amount").decimalValue()).isEqualByComparingTo("400000.00");
        assertThat(contract.path("awards").get(0).path("suppliers").get(0).path("name").asText()).isEqualTo("景洪测试电商有限公司");
        assertThat(payment.path("tag").get(0).asText()).isEqualTo("implementation");
        JsonNode transaction = payment.path("contracts").get(0).path("implementation").path("transactions").get(0);
        assertThat(transaction.path("id").asText()).isEqualTo(disbursement.toString());
        assertThat(transaction.path("value").path("amount").decimalValue()).isEqualByComparingTo("200000.50"); // the raw text is checked below
        assertThat(transaction.path("value").path("currency").asText()).isEqualTo("CNY");
        assertThat(transaction.path("date").asText()).startsWith("2021-05-20T00:00:00+08:00");
        assertThat(transaction.path("payee").path("id").asText()).isEqualTo("CN-USCC-" + code);
        assertThat(amended.path("tag").get(0).asText()).isEqualTo("contractUpdate");
        assertThat(amended.path("contracts").get(0).path("value").path("amount").decimalValue()).isEqualByComparingTo("380000.00");
        assertThat(raw).contains("\"amount\":200000.50").contains("\"amount\":400000.00")
                .doesNotContain("6228480123456789012").doesNotContain("JH-PZ-2021-0520");
        assertThat(validate(MAPPER.readTree(given().get("/ocds/releases").then().statusCode(200).extract().asByteArray()))).isEmpty();
    }

    @Test
    void theValidatorRejectsABrokenPackage() throws Exception {
        // the schema is really applied: a release without its ocid and with a bad date fails
        JsonNode broken = MAPPER.readTree("""
                {"uri":"http://x/ocds","version":"1.1","publishedDate":"2021-01-01T00:00:00Z","publisher":{"name":"x"},
                 "releases":[{"id":"1","date":"yesterday","tag":["award"],"initiationType":"tender"}]}""");
        assertThat(validate(broken)).extracting(Error::getMessage).anyMatch(m -> m.contains("ocid"));
        assertThat(validate(broken)).extracting(Error::getMessage).anyMatch(m -> m.contains("date"));
    }
}
