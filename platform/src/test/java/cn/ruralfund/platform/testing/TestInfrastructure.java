package cn.ruralfund.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Gives a service's {@code @QuarkusTest}s the real Kafka broker and PostgreSQL server of the test run
 * (see {@link KafkaBroker}, {@link Postgres}): each is started once per JVM and shared by every test
 * class and profile; the service's own database is created on it. Register it once per module:
 * <pre>{@code @QuarkusTestResource(value = TestInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "budget"))}</pre>
 */
public class TestInfrastructure implements QuarkusTestResourceLifecycleManager {

    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get("database");
    }

    @Override
    public Map<String, String> start() {
        String kafka = KafkaBroker.bootstrapServers();
        Postgres.createDatabase(database);
        System.out.println("[test infrastructure] Kafka: " + KafkaBroker.description());
        System.out.println("[test infrastructure] PostgreSQL: " + Postgres.description() + ", database " + database);
        return Map.of(
                "kafka.bootstrap.servers", kafka,
                "platform.db.host", Postgres.host(),
                "platform.db.port", String.valueOf(Postgres.port()),
                "platform.db.user", Postgres.user(),
                "platform.db.password", Postgres.password(),
                "platform.db.name", database);
    }

    @Override
    public void stop() {
        // shared by the whole run; stopped by a shutdown hook when the JVM exits
    }
}
