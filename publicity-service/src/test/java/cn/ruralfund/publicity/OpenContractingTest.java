package cn.ruralfund.publicity;

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
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every published OCDS release package validates against the OCDS 1.1.5 release-package schema (draft 4), with a real validator. */
@QuarkusTest
class OpenContractingTest {

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
    void theValidatorRejectsABrokenPackage() throws Exception {
        // the schema is really applied: a release without its ocid and with a bad date fails
        JsonNode broken = MAPPER.readTree("""
                {"uri":"http://x/ocds","version":"1.1","publishedDate":"2021-01-01T00:00:00Z","publisher":{"name":"x"},
                 "releases":[{"id":"1","date":"yesterday","tag":["award"],"initiationType":"tender"}]}""");
        assertThat(validate(broken)).extracting(Error::getMessage).anyMatch(m -> m.contains("ocid"));
        assertThat(validate(broken)).extracting(Error::getMessage).anyMatch(m -> m.contains("date"));
    }
}
