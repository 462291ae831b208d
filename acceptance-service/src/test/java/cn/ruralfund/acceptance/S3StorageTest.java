package cn.ruralfund.acceptance;

import cn.ruralfund.acceptance.service.MaterialService;
import cn.ruralfund.acceptance.service.OrphanObjectSweeper;
import cn.ruralfund.acceptance.storage.S3MaterialStore;
import cn.ruralfund.acceptance.storage.S3Server;
import cn.ruralfund.platform.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.core.Vertx;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.time.YearMonth;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static cn.ruralfund.acceptance.Fixtures.PDF;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

/** With {@code acceptance.storage=s3}, materials go to the S3-compatible store and come back whole (API and archive). */
@QuarkusTest
@TestProfile(S3StorageTest.S3Storage.class)
@EnabledIf("cn.ruralfund.acceptance.storage.S3Server#available")
class S3StorageTest {

    public static class S3Storage implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            S3Server server = S3Server.start();
            String bucket = "acceptance-" + UUID.randomUUID().toString().substring(0, 8);
            Vertx vertx = Vertx.vertx();
            try {
                new S3MaterialStore(vertx, new S3MaterialStore.Settings(URI.create(server.endpoint()), "us-east-1", bucket,
                        server.accessKey(), server.secretKey())).createBucket().await().atMost(Duration.ofSeconds(30));
            } finally {
                vertx.closeAndAwait();
            }
            return Map.of("acceptance.storage", "s3", "acceptance.s3.endpoint", server.endpoint(), "acceptance.s3.bucket", bucket,
                    "acceptance.s3.access-key", server.accessKey(), "acceptance.s3.secret-key", server.secretKey());
        }
    }

    @Test
    void materialsGoToTheObjectStoreAndComeBackWhole() throws Exception {
        Fixtures.today("2022-06-01");
        String enterprise = Fixtures.creditCode();
        UUID application = Fixtures.apply(enterprise, Fixtures.project(Fixtures.program(YearMonth.of(2022, 12)), enterprise));
        String token = Tokens.enterprise(enterprise);
        String id = Fixtures.upload(token, application, "CONTRACT", "采购合同.pdf", PDF, "application/pdf", MaterialService.sha256(PDF))
                .statusCode(201).body("storage", equalTo("s3")).extract().path("id");
        assertThat(given().auth().oauth2(token).get("/applications/" + application + "/materials/" + id).then().statusCode(200)
                .extract().asByteArray()).isEqualTo(PDF);
        byte[] zip = given().auth().oauth2(token).get("/applications/" + application + "/archive").then().statusCode(200).extract().asByteArray();
        boolean found = false;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().endsWith("采购合同.pdf")) {
                    assertThat(in.readAllBytes()).isEqualTo(PDF);
                    found = true;
                }
            }
        }
        assertThat(found).as("the material is in the archive").isTrue();
        // a refused upload stores nothing: the executable never reaches the object store
        Fixtures.upload(token, application, "PHOTO", "photo.pdf", Fixtures.EXE, "application/pdf", null).statusCode(415);
        given().auth().oauth2(token).get("/applications/" + application).then().body("materials.size()", equalTo(1));
    }

    @Inject
    OrphanObjectSweeper sweeper;
    @Inject
    S3MaterialStore store;

    /**
     * An object whose material row never committed (a crash between the object and the row, or a failed commit: here
     * written straight to the store, as such an upload leaves it) is swept once older than the grace; the object of a
     * material that committed stays.
     */
    @Test
    void orphanObjectWithoutAMaterialRowIsSwept_aReferencedOneStays() {
        Fixtures.today("2022-06-01");
        String enterprise = Fixtures.creditCode();
        UUID application = Fixtures.apply(enterprise, Fixtures.project(Fixtures.program(YearMonth.of(2022, 12)), enterprise));
        String token = Tokens.enterprise(enterprise);
        String kept = Fixtures.upload(token, application, "CONTRACT", "合同.pdf", PDF, "application/pdf", null).statusCode(201)
                .extract().path("id");
        String orphan = "materials/" + application + "/" + UUID.randomUUID();
        store.put(orphan, PDF).await().atMost(Duration.ofSeconds(30));

        // within the grace (an upload may still be committing): nothing is taken
        assertThat(sweeper.sweep(Instant.now().minus(Duration.ofHours(1))).await().atMost(Duration.ofSeconds(60))).doesNotContain(orphan);
        assertThat(store.get(orphan).await().atMost(Duration.ofSeconds(30))).isEqualTo(PDF);

        List<String> removed = sweeper.sweep(Instant.now().plusSeconds(5)).await().atMost(Duration.ofSeconds(60));
        assertThat(removed).contains(orphan).doesNotContain("materials/" + application + "/" + kept);
        assertThatThrownBy(() -> store.get(orphan).await().atMost(Duration.ofSeconds(30))).hasMessageContaining("404");
        assertThat(given().auth().oauth2(token).get("/applications/" + application + "/materials/" + kept).then().statusCode(200)
                .extract().asByteArray()).isEqualTo(PDF);
    }
}
