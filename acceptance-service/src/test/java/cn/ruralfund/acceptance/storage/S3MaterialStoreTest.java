package cn.ruralfund.acceptance.storage;

import io.vertx.mutiny.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The S3 store against a real S3-compatible HTTP server: the one named by {@code S3_ENDPOINT} (with
 * {@code S3_ACCESS_KEY}, {@code S3_SECRET_KEY}; e.g. MinIO), else a {@code moto_server} started here (skipped
 * when neither is available).
 */
class S3MaterialStoreTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static S3Server server;
    static Vertx vertx;
    static S3MaterialStore store;

    @BeforeAll
    static void start() {
        server = S3Server.start();
        vertx = Vertx.vertx();
        store = new S3MaterialStore(vertx, new S3MaterialStore.Settings(URI.create(server.endpoint()), "us-east-1",
                "acceptance-" + UUID.randomUUID().toString().substring(0, 8), server.accessKey(), server.secretKey()));
        store.createBucket().await().atMost(WAIT);
    }

    @AfterAll
    static void stop() {
        if (vertx != null) {
            vertx.closeAndAwait();
        }
    }

    @Test
    void putGetDeleteRoundTrip() {
        String key = "materials/" + UUID.randomUUID() + "/" + UUID.randomUUID();
        byte[] content = ("%PDF-1.4 合同 " + UUID.randomUUID()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        store.put(key, content).await().atMost(WAIT);
        assertThat(store.get(key).await().atMost(WAIT)).isEqualTo(content);
        store.delete(key).await().atMost(WAIT);
        assertThatThrownBy(() -> store.get(key).await().atMost(WAIT)).hasMessageContaining("HTTP 404");
    }

    @Test
    void wrongSecretIsRefused() {
        S3MaterialStore wrong = new S3MaterialStore(vertx, new S3MaterialStore.Settings(URI.create(server.endpoint()), "us-east-1",
                store.settings().bucket(), server.accessKey(), "not-the-secret"));
        assertThatThrownBy(() -> wrong.put("k", new byte[]{1}).await().atMost(WAIT)).hasMessageContaining("HTTP 403");
    }
}
