package cn.ruralfund.reporting;

import cn.ruralfund.platform.contracts.SalesRecordedV1;
import cn.ruralfund.platform.testing.KafkaBroker;
import cn.ruralfund.platform.testing.Postgres;
import cn.ruralfund.platform.testing.Tokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.postgresql.PGConnection;

import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.SequenceInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ingestion rates (CSV upload, Kafka feed) and the evaluation's p99, beside the same run's raw ceilings. Skipped
 * unless {@code -Dbench=true}; run it with {@code reporting-service/bench/run.sh}. Prints lines starting with [bench].
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "bench", matches = "true")
class SalesBenchmark {

    static final String[] PLATFORMS = {"TAOBAO", "TMALL", "JD", "PINDUODUO", "DOUYIN", "KUAISHOU", "WECHAT", "OTHER"};
    static final int BRANDS = 100;
    static final int PRODUCTS = 10;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper MAPPER = new ObjectMapper();

    final long records = Long.getLong("bench.records", 1_000_000);
    final long kafkaRecords = Long.getLong("bench.kafka.records", 1_000_000);

    static void print(String format, Object... args) {
        System.out.println("[bench] " + String.format(format, args));
    }

    /** The i-th record of a year: brand, product, platform, month and township spread so that every key is new. */
    static String[] row(long i, int year, List<Fixtures.BrandRef> brands) {
        Fixtures.BrandRef b = brands.get((int) (i % BRANDS));
        long rest = i / BRANDS;
        String product = "P" + (rest % PRODUCTS + 1);
        rest /= PRODUCTS;
        String platform = PLATFORMS[(int) (rest % PLATFORMS.length)];
        rest /= PLATFORMS.length;
        int month = (int) (rest % 12) + 1;
        String township = "乡" + rest / 12;
        String amount = (1000 + i % 9000) + "." + String.format("%02d", i % 100);
        return new String[]{String.format("%d-%02d", year, month), b.name(), product, platform, township, amount, "3", "5",
                i % 7 == 0 ? "true" : "false", b.enterprise()};
    }

    @Test
    void ingestAndEvaluate() throws Exception {
        UUID program = Fixtures.program("景洪市", 2020);
        List<Fixtures.BrandRef> brands = new ArrayList<>();
        for (int i = 0; i < BRANDS; i++) {
            brands.add(Fixtures.brand(program, PRODUCTS));
        }
        String base = io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port;
        print("records: csv %d, kafka %d; %d brands x %d products; cores %d", records, kafkaRecords, BRANDS, PRODUCTS,
                Runtime.getRuntime().availableProcessors());

        // --- ceilings of the same run
        double copy = copyCeiling(records, brands);
        print("ceiling  PostgreSQL COPY of the same rows:             %,10.0f rows/s", copy);
        double upsert = naiveUpsertCeiling(16, 10);
        print("ceiling  naive single-row upsert, 16 JDBC clients:     %,10.0f rows/s", upsert);
        double producer = producerCeiling(Math.min(kafkaRecords, 1_000_000), brands);
        print("ceiling  Kafka producer (acks=all) of the same events:  %,10.0f records/s", producer);

        // --- CSV: 10k first (evaluation at 10k), then the rest
        long first = Math.min(10_000, records);
        upload(base, 0, first, 2021, brands);
        print("evaluation p99 at %,d records: %.1f ms", first, evaluationP99(base, program, 200));
        long t0 = System.nanoTime();
        Map<?, ?> report = upload(base, first, records, 2021, brands);
        double csvRate = (records - first) / ((System.nanoTime() - t0) / 1e9);
        print("CSV upload of %,d records: %,10.0f records/s (%.1f%% of COPY) report %s", records - first, csvRate, 100 * csvRate / copy,
                Map.of("created", report.get("created"), "rejected", report.get("rejected")));
        print("evaluation p99 at %,d records: %.1f ms", records, evaluationP99(base, program, 200));

        // --- Kafka feed: other keys (another year), counted when applied
        long applied0 = applied();
        t0 = System.nanoTime();
        produce(kafkaRecords, brands);
        long deadline = System.nanoTime() + 3_600_000_000_000L;
        while (applied() - applied0 < kafkaRecords && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        long done = applied() - applied0;
        double kafkaRate = done / ((System.nanoTime() - t0) / 1e9);
        print("Kafka feed of %,d records (%,d applied): %,10.0f records/s (%.2fx the naive upsert)", kafkaRecords, done, kafkaRate, kafkaRate / upsert);
        print("evaluation p99 at %,d records: %.1f ms", records + done, evaluationP99(base, program, 200));
    }

    static long applied() throws Exception {
        try (Connection c = Postgres.connect("reporting"); var s = c.createStatement();
             var rs = s.executeQuery("select count(*) from processed_event where consumer = 'sales-feed'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static double copyCeiling(long n, List<Fixtures.BrandRef> brands) throws Exception {
        try (Connection c = Postgres.connect("reporting")) {
            c.createStatement().execute("create unlogged table if not exists bench_copy (period text, brand text, product text, platform text,"
                    + " township text, amount numeric(15,2), orders int, units int, poor boolean)");
            c.createStatement().execute("truncate bench_copy");
            PipedInputStream in = new PipedInputStream(1 << 20);
            PipedOutputStream out = new PipedOutputStream(in);
            Thread writer = new Thread(() -> {
                try (BufferedWriter w = new BufferedWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
                    for (long i = 0; i < n; i++) {
                        w.write(String.join(",", Arrays.copyOf(row(i, 2021, brands), 9)));
                        w.write('\n');
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            long t0 = System.nanoTime();
            writer.start();
            long rows = c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy bench_copy from stdin with (format csv)", in);
            double rate = rows / ((System.nanoTime() - t0) / 1e9);
            c.createStatement().execute("drop table bench_copy");
            return rate;
        }
    }

    static double naiveUpsertCeiling(int clients, int seconds) throws Exception {
        try (Connection c = Postgres.connect("reporting")) {
            c.createStatement().execute("create table if not exists bench_upsert (k text primary key, amount numeric(17,2) not null)");
        }
        AtomicLong count = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            int client = t;
            futures.add(pool.submit(() -> {
                try (Connection c = Postgres.connect("reporting"); var ps = c.prepareStatement(
                        "insert into bench_upsert (k, amount) values (?, ?) on conflict (k) do update set amount = bench_upsert.amount + excluded.amount")) {
                    long i = 0;
                    while (System.nanoTime() < end) {
                        ps.setString(1, client + ":" + i++);
                        ps.setBigDecimal(2, new BigDecimal("12.34"));
                        ps.executeUpdate();
                        count.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (var f : futures) {
            f.get();
        }
        pool.shutdown();
        try (Connection c = Postgres.connect("reporting")) {
            c.createStatement().execute("drop table bench_upsert");
        }
        return count.get() / (double) seconds;
    }

    static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 5, ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()));
    }

    static String event(long i, List<Fixtures.BrandRef> brands) {
        String[] r = row(i, 2019, brands);
        return cn.ruralfund.platform.testing.Events.cloudEvent(SalesRecordedV1.TYPE.type(), r[9], new SalesRecordedV1(r[9], r[0], r[1], r[2],
                r[3], r[4], new BigDecimal(r[5]), 3, 5, Boolean.parseBoolean(r[8])));
    }

    static double producerCeiling(long n, List<Fixtures.BrandRef> brands) throws Exception {
        String sample = event(0, brands);
        try (KafkaProducer<String, String> p = producer()) {
            long t0 = System.nanoTime();
            for (long i = 0; i < n; i++) {
                p.send(new ProducerRecord<>("bench.raw", String.valueOf(i % 100), sample));
            }
            p.flush();
            return n / ((System.nanoTime() - t0) / 1e9);
        }
    }

    static void produce(long n, List<Fixtures.BrandRef> brands) {
        try (KafkaProducer<String, String> p = producer()) {
            for (long i = 0; i < n; i++) {
                String[] r = row(i, 2019, brands);
                p.send(new ProducerRecord<>(SalesRecordedV1.TYPE.topic(), r[9], event(i, brands)));
            }
            p.flush();
        }
    }

    static Map<?, ?> upload(String base, long from, long to, int year, List<Fixtures.BrandRef> brands) throws Exception {
        Path file = Files.createTempFile("bench", ".csv");
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("period,brand,product,platform,township,amount,orders,units,poor_household\n");
            for (long i = from; i < to; i++) {
                w.write(String.join(",", Arrays.copyOf(row(i, year, brands), 9)));
                w.write('\n');
            }
        }
        String boundary = "bench" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"sales.csv\"\r\nContent-Type: text/csv\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/sales/uploads"))
                .header("Authorization", "Bearer " + Tokens.of("COMMERCE_OFFICE"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .timeout(java.time.Duration.ofHours(2))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> {
                    try {
                        return new SequenceInputStream(Collections.enumeration(List.<InputStream>of(new ByteArrayInputStream(head),
                                Files.newInputStream(file), new ByteArrayInputStream(tail))));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        Files.delete(file);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return MAPPER.readValue(response.body(), Map.class);
    }

    static double evaluationP99(String base, UUID program, int calls) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/programs/" + program + "/evaluation"))
                .header("Authorization", "Bearer " + Tokens.of("COMMERCE_OFFICE")).GET().build();
        for (int i = 0; i < 20; i++) {
            HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        }
        long[] took = new long[calls];
        for (int i = 0; i < calls; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            took[i] = System.nanoTime() - t0;
            assertThat(r.statusCode()).isEqualTo(200);
        }
        Arrays.sort(took);
        return took[(int) Math.ceil(calls * 0.99) - 1] / 1e6;
    }
}
