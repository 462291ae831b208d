package cn.ruralfund.platform.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * For {@code bin/run}: starts the Kafka broker and the embedded PostgreSQL server (each only if not
 * given by environment), with data kept in {@code <dir>} between runs, creates the five services'
 * databases, writes {@code <dir>/infrastructure.env} for the services, and runs until stopped.
 */
public final class LocalInfrastructure {

    static final List<String> DATABASES = List.of("project", "budget", "acceptance", "publicity", "reporting");

    private LocalInfrastructure() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : ".local").toAbsolutePath();
        Files.createDirectories(dir);
        Postgres.start(dir.resolve("postgres"));
        KafkaBroker.start(dir.resolve("kafka"));
        DATABASES.forEach(Postgres::createDatabase);
        String env = String.join("\n",
                "KAFKA_BOOTSTRAP_SERVERS=" + KafkaBroker.bootstrapServers(),
                "PLATFORM_DB_HOST=" + Postgres.host(),
                "PLATFORM_DB_PORT=" + Postgres.port(),
                "PLATFORM_DB_USER=" + Postgres.user(),
                "PLATFORM_DB_PASSWORD=" + Postgres.password(), "");
        Files.writeString(dir.resolve("infrastructure.env.tmp"), env);
        Files.move(dir.resolve("infrastructure.env.tmp"), dir.resolve("infrastructure.env"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        System.out.println("Kafka:      " + KafkaBroker.description());
        System.out.println("PostgreSQL: " + Postgres.description());
        Thread.currentThread().join();
    }
}
