package cn.ruralfund.budget;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static cn.ruralfund.budget.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Disbursement requests per second and p99 latency with 16 concurrent clients, against the real database and broker.
 * Run by {@code bench/run.sh} (-Dbench=true); skipped in ordinary test runs. Each client sends pre-disbursement
 * requests of ¥1.00 to one of {@code bench.projects} projects; afterwards no project is over its 50% cap.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "bench", matches = "true")
class DisbursementBenchmark {

    @Test
    void disbursementRequests() throws Exception {
        int clients = Integer.getInteger("bench.clients", 16);
        int projectsCount = Integer.getInteger("bench.projects", 64);
        int seconds = Integer.getInteger("bench.seconds", 20);
        String committed = System.getProperty("bench.committed", "20000.00"); // cap 10,000 requests of ¥1.00 per project
        Program program = program();
        List<String> projects = new ArrayList<>();
        for (int i = 0; i < projectsCount; i++) {
            projects.add(registered(program, committed));
        }
        String base = "http://localhost:" + RestAssured.port;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(Executors.newFixedThreadPool(4)).build();
        String body = "{\"kind\":\"PRE_DISBURSEMENT\",\"amount\":1.00}";
        AtomicInteger created = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        // warm-up, then measure
        for (boolean measure : new boolean[]{false, true}) {
            long end = System.nanoTime() + Duration.ofSeconds(measure ? seconds : 5).toNanos();
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            List<Future<long[]>> results = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                results.add(pool.submit(() -> {
                    long[] lat = new long[1 << 20];
                    int n = 0;
                    int k = client;
                    while (System.nanoTime() < end && n < lat.length) {
                        String project = projects.get(k++ % projects.size());
                        HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/projects/" + project + "/disbursements"))
                                .header("Authorization", "Bearer " + OFFICE).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                        long t0 = System.nanoTime();
                        int status = http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
                        lat[n++] = System.nanoTime() - t0;
                        if (measure) {
                            (status == 201 ? created : status == 422 ? refused : failed).incrementAndGet();
                        }
                    }
                    return Arrays.copyOf(lat, n);
                }));
            }
            List<Long> all = new ArrayList<>();
            for (Future<long[]> f : results) {
                for (long l : f.get()) all.add(l);
            }
            pool.shutdown();
            if (measure) {
                long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
                double rps = sorted.length / (double) seconds;
                System.out.printf("%n[bench] disbursement requests: %d clients, %d projects, %d s%n", clients, projectsCount, seconds);
                System.out.printf("[bench] requests: %d (201 created %d, 422 over cap %d, other %d)%n", sorted.length, created.get(), refused.get(), failed.get());
                System.out.printf("[bench] throughput: %.0f requests/s%n", rps);
                System.out.printf("[bench] latency ms: p50 %.1f  p95 %.1f  p99 %.1f  max %.1f%n",
                        pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), sorted[sorted.length - 1] / 1e6);
            }
        }
        BigDecimal half = new BigDecimal(committed).divide(BigDecimal.valueOf(2));
        for (String p : projects) {
            float requested = given().auth().oauth2(OFFICE).get("/projects/" + p + "/budget").then().extract().path("preDisbursementRequested");
            assertThat(new BigDecimal(Float.toString(requested))).isLessThanOrEqualTo(half);
        }
        assertThat(failed.get()).isZero();
        System.out.println("[bench] never a fen over the cap: every project's pre-disbursement <= " + half);
    }

    private static double pct(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }
}
