package cn.ruralfund.acceptance;

import cn.ruralfund.acceptance.service.MaterialService;
import cn.ruralfund.platform.testing.Postgres;
import cn.ruralfund.platform.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.UUID;

import static cn.ruralfund.acceptance.Fixtures.EXE;
import static cn.ruralfund.acceptance.Fixtures.PDF;
import static cn.ruralfund.acceptance.Fixtures.PNG;
import static cn.ruralfund.acceptance.Fixtures.upload;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Materials: each refusal answers problem+json and leaves neither a material row nor a blob behind. */
@QuarkusTest
class MaterialUploadTest {

    String enterprise;
    UUID application;

    @BeforeEach
    void draft() {
        Fixtures.today("2022-06-01");
        enterprise = Fixtures.creditCode();
        application = Fixtures.apply(enterprise, Fixtures.project(Fixtures.program(YearMonth.of(2022, 12)), enterprise));
    }

    String token() {
        return Tokens.enterprise(enterprise);
    }

    @Test
    void materialIsStoredWithNameTypesSizeAndSha256() {
        String sha = MaterialService.sha256(PNG);
        String id = upload(token(), application, "PHOTO", "冷库外景.png", PNG, "image/png", sha).statusCode(201)
                .body("name", equalTo("冷库外景.png"))
                .body("declaredType", equalTo("image/png"))
                .body("detectedType", equalTo("image/png"))
                .body("size", equalTo(PNG.length))
                .body("sha256", equalTo(sha))
                .body("storage", equalTo("postgres"))
                .extract().path("id");
        byte[] back = given().auth().oauth2(token()).get("/applications/" + application + "/materials/" + id)
                .then().statusCode(200).contentType("image/png").extract().asByteArray();
        assertThat(back).isEqualTo(PNG);
        assertThat(stored()).isEqualTo(new long[]{1, 1});
    }

    @Test
    void oversizedMaterialIsRefused() {
        byte[] big = Arrays.copyOf(PDF, 1024 * 1024 + 1);
        upload(token(), application, "CONTRACT", "contract.pdf", big, "application/pdf", null).statusCode(413)
                .contentType("application/problem+json").body("type", equalTo("https://ruralfund.cn/problems/material-too-large"));
        assertNothingStored();
    }

    @Test
    void executableRenamedPdfIsCaughtByItsContent() {
        upload(token(), application, "CONTRACT", "contract.pdf", EXE, "application/pdf", MaterialService.sha256(EXE)).statusCode(415)
                .contentType("application/problem+json").body("type", equalTo("https://ruralfund.cn/problems/material-type-forbidden"));
        assertNothingStored();
    }

    @Test
    void declaredTypeThatContradictsTheContentIsRefused() {
        upload(token(), application, "PHOTO", "photo.png", PDF, "image/png", null).statusCode(415)
                .contentType("application/problem+json").body("type", equalTo("https://ruralfund.cn/problems/material-type-mismatch"));
        assertNothingStored();
    }

    @Test
    void emptyMaterialIsRefused() {
        upload(token(), application, "CONTRACT", "contract.pdf", new byte[0], "application/pdf", null).statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("https://ruralfund.cn/problems/material-empty"));
        assertNothingStored();
    }

    @Test
    void checksumMismatchIsRefused() {
        upload(token(), application, "CONTRACT", "contract.pdf", PDF, "application/pdf", MaterialService.sha256(PNG)).statusCode(422)
                .contentType("application/problem+json").body("type", equalTo("https://ruralfund.cn/problems/material-checksum-mismatch"));
        assertNothingStored();
    }

    @Test
    void uploadToAnotherEnterprisesApplicationIsRefused() {
        upload(Tokens.enterprise(Fixtures.creditCode()), application, "CONTRACT", "contract.pdf", PDF, "application/pdf", null).statusCode(403)
                .contentType("application/problem+json").body("type", equalTo("https://ruralfund.cn/problems/forbidden"));
        upload(Fixtures.OFFICE, application, "CONTRACT", "contract.pdf", PDF, "application/pdf", null).statusCode(403)
                .contentType("application/problem+json");
        assertNothingStored();
    }

    @Test
    void uploadWithoutAFileOrKindIsRefused() {
        given().auth().oauth2(token()).multiPart("kind", "CONTRACT").post("/applications/" + application + "/materials")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(token()).multiPart("file", "a.pdf", PDF, "application/pdf").multiPart("kind", "contract; drop table")
                .post("/applications/" + application + "/materials").then().statusCode(400).contentType("application/problem+json");
        assertNothingStored();
    }

    private void assertNothingStored() {
        assertThat(stored()).as("material rows and blobs of the application").isEqualTo(new long[]{0, 0});
        given().auth().oauth2(token()).get("/applications/" + application).then().statusCode(200).body("materials.size()", equalTo(0));
    }

    /** Material rows and blobs of this application, read straight from the database. */
    private long[] stored() {
        try (Connection c = Postgres.connect("acceptance");
             PreparedStatement rows = c.prepareStatement("select count(*) from material where application_id = ?");
             PreparedStatement blobs = c.prepareStatement("select count(*) from material_blob where key like ?")) {
            rows.setObject(1, application);
            blobs.setString(1, "materials/" + application + "/%");
            try (ResultSet r = rows.executeQuery(); ResultSet b = blobs.executeQuery()) {
                r.next();
                b.next();
                return new long[]{r.getLong(1), b.getLong(1)};
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
