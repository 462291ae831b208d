package cn.ruralfund.acceptance;

import cn.ruralfund.acceptance.service.MaterialService;
import cn.ruralfund.platform.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Material uploads (PDF of {@code bench.kib} KiB, SHA-256 declared) by {@code bench.clients} concurrent enterprises,
 * each into its own application; then the archive of the largest application. Run by {@code bench/run.sh}
 * (-Dbench=true); skipped in ordinary runs. Every upload must succeed and every archive byte must come back.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "bench", matches = "true")
class MaterialBenchmark {

    @Test
    void uploadsAndArchive() throws Exception {
        Fixtures.today("2022-06-01");
        int clients = Integer.getInteger("bench.clients", 8);
        int uploads = Integer.getInteger("bench.uploads", 400);
        int kib = Integer.getInteger("bench.kib", 256);
        List<String> enterprises = new ArrayList<>();
        List<UUID> applications = new ArrayList<>();
        UUID program = Fixtures.program(YearMonth.of(2022, 12));
        for (int i = 0; i < clients; i++) {
            String e = Fixtures.creditCode();
            enterprises.add(e);
            applications.add(Fixtures.apply(e, Fixtures.project(program, e)));
        }
        byte[] content = Arrays.copyOf(Fixtures.PDF, kib * 1024);
        ThreadLocalRandom.current().nextBytes(content);
        System.arraycopy(Fixtures.PDF, 0, content, 0, 8);
        String sha = MaterialService.sha256(content);
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://localhost:" + RestAssured.port;
        AtomicInteger next = new AtomicInteger();
        long[] latencies = new long[uploads];
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            done.add(pool.submit(() -> {
                String token = Tokens.enterprise(enterprises.get(client));
                for (int n = next.getAndIncrement(); n < uploads; n = next.getAndIncrement()) {
                    String boundary = "bench" + UUID.randomUUID();
                    byte[] body = multipart(boundary, content, sha);
                    long t = System.nanoTime();
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/applications/" + applications.get(client) + "/materials"))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
                    latencies[n] = System.nanoTime() - t;
                    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        Arrays.sort(latencies);
        System.out.printf("[bench] %d uploads of %d KiB by %d clients in %.1f s: %.1f uploads/s, %.1f MB/s; latency p50 %.0f ms, p99 %.0f ms%n",
                uploads, kib, clients, seconds, uploads / seconds, uploads * (double) content.length / seconds / 1e6,
                latencies[uploads / 2] / 1e6, latencies[(int) (uploads * 0.99)] / 1e6);

        String token = Tokens.enterprise(enterprises.get(0));
        int materials = given().auth().oauth2(token).get("/applications/" + applications.get(0)).then().extract().path("materials.size()");
        for (int run = 0; run < 3; run++) {
            long t = System.nanoTime();
            byte[] zip = given().auth().oauth2(token).get("/applications/" + applications.get(0) + "/archive").then().statusCode(200).extract().asByteArray();
            System.out.printf("[bench] archive of %d materials (%.1f MB of content): %d ms, %.1f MB zip%n", materials,
                    materials * (double) content.length / 1e6, (System.nanoTime() - t) / 1_000_000, zip.length / 1e6);
        }
    }

    private static byte[] multipart(String boundary, byte[] content, String sha) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nPHOTO\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"sha256\"\r\n\r\n" + sha + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bench.pdf\"\r\nContent-Type: application/pdf\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.UTF_8));
        out.write(content);
        out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
