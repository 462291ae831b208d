import cn.ruralfund.platform.contracts.ProjectRegisteredV1;
import cn.ruralfund.platform.testing.Events;
import cn.ruralfund.platform.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The client side of bench/run-all.sh, run in its own JVM (java source launcher, the platform test classpath):
 * <pre>
 *   seed &lt;budget-url&gt; &lt;work-dir&gt; &lt;projects&gt;   a program, projects registered by event, a few payments; writes ids and a token
 *   token ROLE                                a development bearer token
 *   pg-lock &lt;seconds&gt; &lt;clients&gt;              PostgreSQL's own row-lock rate: BEGIN; SELECT … FOR UPDATE; UPDATE; COMMIT
 *   pg-insert &lt;seconds&gt; &lt;clients&gt;            PostgreSQL's own insert rate: one committed INSERT per transaction
 *   kafka &lt;seconds&gt;                          the broker's raw producer rate (acks=all, as the outbox relay sends)
 *   check                                     R7 and the ledger reconciliation in the budget database: PASS or FAIL
 *   jfr &lt;file&gt;                                where a recording's CPU samples went: by layer (inclusive), by thread, top methods
 * </pre>
 * Figures are printed as {@code RESULT <per second> <p99 ms>}; the broker and database come from the environment
 * ({@code KAFKA_BOOTSTRAP_SERVERS}, {@code PLATFORM_DB_*}) that LocalInfrastructure wrote.
 */
public class Bench {

    static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "seed" -> seed(args[1], Path.of(args[2]), Integer.parseInt(args[3]));
            case "token" -> System.out.println(Tokens.of(args[1]));
            case "pg-lock" -> pg(true, Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            case "pg-insert" -> pg(false, Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            case "kafka" -> kafka(Integer.parseInt(args[1]));
            case "check" -> System.exit(check() ? 0 : 1);
            case "jfr" -> jfr(Path.of(args[1]));
            default -> throw new IllegalArgumentException(args[0]);
        }
        System.exit(0); // the client threads are not daemons
    }

    // ---------------------------------------------------------------- seed

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    static JsonNode call(String method, String url, String token, String body, int expected) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json");
        b = body == null ? b.method(method, HttpRequest.BodyPublishers.noBody()) : b.method(method, HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(method + " " + url + " -> " + r.statusCode() + " " + r.body());
        }
        return r.body().isEmpty() ? null : JSON.readTree(r.body());
    }

    static void seed(String base, Path dir, int count) throws Exception {
        String office = Tokens.of("COMMERCE_OFFICE");
        String program = Files.readString(Path.of("seed/jinghong-2020/program.json"));
        JsonNode created = call("POST", base + "/programs", office, program, 201);
        String programId = created.get("id").asText();
        String direction = created.get("directions").get(1).get("id").asText(); // 农产品上行, ¥4,500,000
        List<String> projects = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID id = UUID.randomUUID();
            String code = "91" + String.format("%016d", Math.abs(id.getLeastSignificantBits()) % 10_000_000_000_000_000L);
            BigDecimal budget = new BigDecimal("20000.00"); // a cap of 10,000 requests of ¥1.00
            Events.send(ProjectRegisteredV1.TYPE, id.toString(), new ProjectRegisteredV1(id, UUID.fromString(programId),
                    UUID.fromString(direction), "基准项目 " + i, "农产品上行", false, code, "基准电商有限公司 " + i, budget,
                    new ProjectRegisteredV1.DedicatedAccount("中国农业银行景洪支行", "基准电商有限公司 " + i, "62284801234567" + String.format("%05d", i)),
                    List.of(new ProjectRegisteredV1.ExpenseLine("COLD_CHAIN_FACILITY", "冷库与分拣设备", budget)), OffsetDateTime.now()));
            projects.add(id.toString());
        }
        long deadline = System.nanoTime() + 120_000_000_000L;
        for (String p : projects) {
            while (HTTP.send(HttpRequest.newBuilder(URI.create(base + "/projects/" + p + "/budget")).header("Authorization", "Bearer " + office).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
                if (System.nanoTime() > deadline) throw new IllegalStateException("project " + p + " never committed");
                Thread.sleep(100);
            }
        }
        // A few requests approved and paid, so that the reconciliation has paid money to match.
        String leaders = Tokens.of("LEADING_GROUP"), finance = Tokens.of("FINANCE");
        for (int i = 0; i < 4; i++) {
            String p = projects.get(i);
            String d = call("POST", base + "/projects/" + p + "/disbursements", office,
                    "{\"kind\":\"PRE_DISBURSEMENT\",\"amount\":100.00,\"purpose\":\"基准预拨\"}", 201).get("id").asText();
            call("POST", base + "/disbursements/" + d + "/approval", leaders, "{\"comment\":\"同意\"}", 200);
            call("POST", base + "/disbursements/" + d + "/payment", finance, "{\"paidOn\":\"" + LocalDate.now().minusDays(1)
                    + "\",\"voucherNumber\":\"BENCH-" + UUID.randomUUID() + "\",\"accountNumber\":\"62284801234567" + String.format("%05d", i) + "\"}", 200);
        }
        Files.writeString(dir.resolve("program.txt"), programId);
        Files.write(dir.resolve("projects.txt"), projects);
        Files.writeString(dir.resolve("token-office.txt"), office);
        System.out.println("seeded program " + programId + " with " + count + " projects");
    }

    // ---------------------------------------------------------------- PostgreSQL

    static Connection connect(String database) throws SQLException {
        String url = "jdbc:postgresql://" + System.getenv("PLATFORM_DB_HOST") + ":" + System.getenv("PLATFORM_DB_PORT") + "/" + database;
        return DriverManager.getConnection(url, System.getenv("PLATFORM_DB_USER"), System.getenv("PLATFORM_DB_PASSWORD"));
    }

    interface Step {
        void run(Connection c, ThreadLocalRandom random) throws SQLException;
    }

    static void pg(boolean lock, int seconds, int clients) throws Exception {
        try (Connection c = connect("postgres")) {
            ResultSet r = c.createStatement().executeQuery("select 1 from pg_database where datname = 'bench'");
            if (!r.next()) c.createStatement().execute("create database bench");
        }
        int rows = 64; // as many rows as the disbursement benchmark has projects
        try (Connection c = connect("bench")) {
            c.createStatement().execute("create table if not exists bench_lock (id int primary key, n bigint not null, amount numeric(15, 2) not null)");
            c.createStatement().execute("create table if not exists bench_insert (id bigint generated always as identity primary key, at timestamptz not null, "
                    + "project uuid not null, amount numeric(15, 2) not null, payload text not null)");
            c.createStatement().execute("insert into bench_lock select g, 0, 0 from generate_series(1, " + rows + ") g on conflict do nothing");
        }
        Step step = lock
                ? (c, random) -> {
                    int id = 1 + random.nextInt(rows);
                    try (PreparedStatement s = c.prepareStatement("select n, amount from bench_lock where id = ? for update")) {
                        s.setInt(1, id);
                        s.executeQuery().next();
                    }
                    try (PreparedStatement s = c.prepareStatement("update bench_lock set n = n + 1, amount = amount + 1.00 where id = ?")) {
                        s.setInt(1, id);
                        s.executeUpdate();
                    }
                    c.commit();
                }
                : (c, random) -> {
                    try (PreparedStatement s = c.prepareStatement("insert into bench_insert (at, project, amount, payload) values (now(), ?, 1.00, ?)")) {
                        s.setObject(1, UUID.randomUUID());
                        s.setString(2, "{\"kind\":\"PRE_DISBURSEMENT\",\"amount\":\"1.00\",\"purpose\":\"基准\"}");
                        s.executeUpdate();
                    }
                    c.commit();
                };
        run(clients, seconds, () -> {
            Connection c = connect("bench");
            c.setAutoCommit(false);
            return c;
        }, step);
    }

    interface Opener {
        Connection open() throws SQLException;
    }

    static void run(int clients, int seconds, Opener opener, Step step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients, r -> {
            Thread t = new Thread(r);
            t.setDaemon(true);
            return t;
        });
        for (boolean measure : new boolean[]{false, true}) {
            long start = System.nanoTime();
            long end = start + (measure ? seconds : 2) * 1_000_000_000L;
            List<Future<long[]>> futures = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                futures.add(pool.submit(() -> {
                    long[] lat = new long[1 << 18]; // 262,144 per client: more than any client does in a run
                    int n = 0;
                    try (Connection c = opener.open()) {
                        ThreadLocalRandom random = ThreadLocalRandom.current();
                        while (System.nanoTime() < end && n < lat.length) {
                            long t0 = System.nanoTime();
                            step.run(c, random);
                            lat[n++] = System.nanoTime() - t0;
                        }
                    }
                    return Arrays.copyOf(lat, n);
                }));
            }
            List<long[]> parts = new ArrayList<>();
            for (Future<long[]> f : futures) parts.add(f.get());
            double elapsed = (System.nanoTime() - start) / 1e9;
            if (measure) {
                long[] all = parts.stream().flatMapToLong(Arrays::stream).sorted().toArray();
                double p99 = all.length == 0 ? 0 : all[Math.max(0, (int) Math.ceil(0.99 * all.length) - 1)] / 1e6;
                System.out.printf("RESULT %.0f %.1f%n", all.length / elapsed, p99);
            }
        }
        pool.shutdown();
    }

    // ---------------------------------------------------------------- Kafka

    static void kafka(int seconds) throws Exception {
        String value = "x".repeat(600); // about one CloudEvent of the outbox
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getenv("KAFKA_BOOTSTRAP_SERVERS"),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            AtomicLong acked = new AtomicLong();
            for (boolean measure : new boolean[]{false, true}) {
                acked.set(0);
                long start = System.nanoTime(), end = start + (measure ? seconds : 2) * 1_000_000_000L;
                long i = 0;
                while (System.nanoTime() < end) {
                    producer.send(new ProducerRecord<>("bench.raw", "k" + (i++ % 64), value), (m, e) -> {
                        if (e == null) acked.incrementAndGet();
                    });
                }
                producer.flush();
                double elapsed = (System.nanoTime() - start) / 1e9;
                if (measure) System.out.printf("RESULT %.0f -%n", acked.get() / elapsed);
            }
        }
    }

    // ---------------------------------------------------------------- checks

    /** Each query returns the rows that break a rule; none may return any. */
    static final Map<String, String> CHECKS = new java.util.LinkedHashMap<>();

    static {
        CHECKS.put("R7: no project's pre-disbursements over its program's cap",
                "select project_id from project_budget where status = 'COMMITTED' and pre_requested * 100 > committed * pre_disbursement_cap_percent");
        CHECKS.put("R7: each project's pre-disbursed figure is the sum of its live requests",
                "select p.project_id from project_budget p left join (select project_id, sum(amount) s from disbursement "
                        + "where kind = 'PRE_DISBURSEMENT' and status <> 'CANCELLED' group by project_id) d on d.project_id = p.project_id "
                        + "where p.pre_requested <> coalesce(d.s, 0)");
        CHECKS.put("ledger: allotted = committed + uncommitted, uncommitted >= 0 per program and direction",
                "select l.program_id, l.direction_id from ledger_entry l group by l.program_id, l.direction_id "
                        + "having sum(case when kind = 'ALLOT' then amount else 0 end) < "
                        + "sum(case when kind = 'COMMIT' then amount when kind = 'RELEASE' then -amount else 0 end) and l.direction_id is not null");
        CHECKS.put("ledger: a program's allotments are its total",
                "select p.id from program p where p.total <> (select coalesce(sum(amount), 0) from ledger_entry l where l.program_id = p.id and kind = 'ALLOT')");
        CHECKS.put("ledger: each project's committed figure is its COMMIT − RELEASE entries",
                "select p.project_id from project_budget p left join (select project_id, sum(case when kind = 'COMMIT' then amount "
                        + "when kind = 'RELEASE' then -amount else 0 end) c from ledger_entry group by project_id) l on l.project_id = p.project_id "
                        + "where p.status = 'COMMITTED' and p.committed <> coalesce(l.c, 0)");
        CHECKS.put("ledger: the sum of paid matches (project figures = PAY + PRE_DISBURSE entries = paid requests)",
                "select p.project_id from project_budget p "
                        + "left join (select project_id, sum(amount) s from ledger_entry where kind in ('PAY', 'PRE_DISBURSE') group by project_id) l on l.project_id = p.project_id "
                        + "left join (select project_id, sum(amount) s from disbursement where status = 'PAID' group by project_id) d on d.project_id = p.project_id "
                        + "where p.paid <> coalesce(l.s, 0) or p.paid <> coalesce(d.s, 0)");
    }

    static boolean check() throws Exception {
        boolean ok = true;
        try (Connection c = connect("budget")) {
            for (var e : CHECKS.entrySet()) {
                int bad = 0;
                try (ResultSet r = c.createStatement().executeQuery(e.getValue())) {
                    while (r.next()) bad++;
                }
                System.out.printf("%s  %s%s%n", bad == 0 ? "PASS" : "FAIL", e.getKey(), bad == 0 ? "" : " (" + bad + " rows break it)");
                ok &= bad == 0;
            }
            for (String extra : MoreChecks.QUERIES) { // the maintained figures, when the schema has them
                ok &= MoreChecks.run(c, extra);
            }
            try (ResultSet r = c.createStatement().executeQuery(
                    "select count(*), coalesce(sum(amount), 0) from disbursement where kind = 'PRE_DISBURSEMENT'")) {
                r.next();
                System.out.printf("      (%d pre-disbursement requests in the database, ¥%s)%n", r.getLong(1), r.getBigDecimal(2).toPlainString());
            }
        }
        System.out.println(ok ? "PASS" : "FAIL");
        return ok;
    }

    /** Checks that apply only when their table exists: the maintained balances (V6, ledger_balance). */
    static final class MoreChecks {
        static final List<String> QUERIES = List.of("""
                with sums as (
                    select 'PROGRAM' scope, program_id::text scope_key, kind, amount from ledger_entry
                    union all select 'DIRECTION', direction_id::text, kind, amount from ledger_entry where direction_id is not null
                    union all select 'PROJECT', project_id::text, kind, amount from ledger_entry where project_id is not null
                    union all select 'ENTERPRISE', enterprise_code, kind, amount from ledger_entry where enterprise_code is not null),
                by_key as (
                    select scope, scope_key,
                           coalesce(sum(amount) filter (where kind = 'ALLOT'), 0) a, coalesce(sum(amount) filter (where kind = 'COMMIT'), 0) c,
                           coalesce(sum(amount) filter (where kind = 'RELEASE'), 0) r, coalesce(sum(amount) filter (where kind = 'PRE_DISBURSE'), 0) d,
                           coalesce(sum(amount) filter (where kind = 'PAY'), 0) p, coalesce(sum(amount) filter (where kind = 'RECOVER'), 0) v
                    from sums group by scope, scope_key)
                select k.scope, k.scope_key from by_key k full join ledger_balance b on b.scope = k.scope and b.scope_key = k.scope_key
                where k.scope is null or b.scope is null or (k.a, k.c, k.r, k.d, k.p, k.v)
                      <> (b.allot_sum, b.commit_sum, b.release_sum, b.pre_disburse_sum, b.pay_sum, b.recover_sum)""");

        static boolean run(Connection c, String query) throws SQLException {
            try (ResultSet r = c.createStatement().executeQuery("select to_regclass('ledger_balance') is not null")) {
                r.next();
                if (!r.getBoolean(1)) {
                    return true;
                }
            }
            int bad = 0;
            try (ResultSet r = c.createStatement().executeQuery(query)) {
                while (r.next()) bad++;
            }
            System.out.printf("%s  ledger: the maintained balances (ledger_balance) equal the sums of the entries%s%n", bad == 0 ? "PASS" : "FAIL",
                    bad == 0 ? "" : " (" + bad + " figures differ)");
            return bad == 0;
        }
    }

    // ---------------------------------------------------------------- JFR

    /** Layers by the package of any frame on the stack (a sample counts for every layer it passes through). */
    static final String[][] LAYERS = {
            {"JWT verification (smallrye-jwt, jose4j)", "io.smallrye.jwt.", "org.jose4j."},
            {"security / identity (Quarkus)", "io.quarkus.security.", "io.quarkus.vertx.http.runtime.security."},
            {"JSON (Jackson)", "com.fasterxml.jackson."},
            {"Hibernate (ORM + Reactive)", "org.hibernate."},
            {"PostgreSQL client (Vert.x pg, sql client)", "io.vertx.pgclient.", "io.vertx.sqlclient."},
            {"REST layer (RESTEasy Reactive)", "org.jboss.resteasy.reactive."},
            {"Netty / Vert.x core", "io.netty.", "io.vertx.core."},
            {"Kafka client", "org.apache.kafka."},
            {"platform (outbox, audit, problems)", "cn.ruralfund.platform."},
            {"budget-service code", "cn.ruralfund.budget."},
            {"bean validation (Hibernate Validator)", "org.hibernate.validator."},
            {"metrics (Micrometer)", "io.micrometer."},
            {"logging", "org.jboss.logging.", "org.jboss.logmanager."},
            {"BigDecimal", "java.math."},
    };

    static void jfr(Path file) throws Exception {
        Map<String, Integer> leaf = new java.util.HashMap<>(), layers = new java.util.HashMap<>(), threads = new java.util.HashMap<>();
        int total = 0;
        try (var recording = new jdk.jfr.consumer.RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                var e = recording.readEvent();
                if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) continue;
                total++;
                var frames = e.getStackTrace().getFrames();
                if (!frames.isEmpty()) {
                    var m = frames.get(0).getMethod();
                    leaf.merge(m.getType().getName() + "." + m.getName(), 1, Integer::sum);
                }
                var t = e.getThread("sampledThread");
                threads.merge(t == null ? "?" : t.getJavaName() == null ? "?" : t.getJavaName().replaceAll("[-#]?\\d+$", "").replaceAll("-\\d+-", "-"),
                        1, Integer::sum);
                java.util.Set<String> seen = new java.util.HashSet<>();
                for (var f : frames) {
                    String type = f.getMethod().getType().getName();
                    for (String[] layer : LAYERS) {
                        for (int i = 1; i < layer.length; i++) {
                            if (type.startsWith(layer[i])) seen.add(layer[0]);
                        }
                    }
                }
                seen.forEach(l -> layers.merge(l, 1, Integer::sum));
            }
        }
        int n = Math.max(1, total);
        System.out.printf("%d CPU samples (jdk.ExecutionSample, Java code only)%n", total);
        System.out.println("  by layer (inclusive: a sample counts for each layer on its stack):");
        layers.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue())
                .forEach(e -> System.out.printf("    %5.1f%%  %s%n", 100.0 * e.getValue() / n, e.getKey()));
        System.out.println("  by thread:");
        threads.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(6)
                .forEach(e -> System.out.printf("    %5.1f%%  %s%n", 100.0 * e.getValue() / n, e.getKey()));
        System.out.println("  top methods (self):");
        leaf.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(15)
                .forEach(e -> System.out.printf("    %5.1f%%  %s%n", 100.0 * e.getValue() / n, e.getKey()));
    }
}
