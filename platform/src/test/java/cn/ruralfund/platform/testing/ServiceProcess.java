package cn.ruralfund.platform.testing;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A packaged service ({@code <module>/target/quarkus-app}) run as its own process against the
 * test run's broker and database, for tests that cross services or kill a service.
 */
public final class ServiceProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final int managementPort;
    private final Path log;

    private ServiceProcess(Process process, int port, int managementPort, Path log) {
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
        this.log = log;
    }

    /**
     * Starts {@code module} (a sibling folder of the current module) and waits until it is ready.
     * {@code properties} are passed as {@code -D} system properties.
     */
    public static ServiceProcess start(String module, String database, Map<String, String> properties) throws Exception {
        Path jar = Path.of("..", module, "target", "quarkus-app", "quarkus-run.jar").toAbsolutePath().normalize();
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package " + module + " first (mvn verify builds it before this module)");
        }
        Postgres.createDatabase(database);
        int port = KafkaBroker.freePort();
        int managementPort = KafkaBroker.freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-Dquarkus.profile=local",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.management.port=" + managementPort,
                "-Dkafka.bootstrap.servers=" + KafkaBroker.bootstrapServers(),
                "-Dplatform.db.host=" + Postgres.host(),
                "-Dplatform.db.port=" + Postgres.port(),
                "-Dplatform.db.user=" + Postgres.user(),
                "-Dplatform.db.password=" + Postgres.password(),
                "-Dplatform.db.name=" + database));
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-jar");
        command.add(jar.toString());
        Path log = Files.createTempFile(module, ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ServiceProcess service = new ServiceProcess(process, port, managementPort, log);
        service.awaitReady(Duration.ofSeconds(60));
        return service;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    /** The management interface: {@code /q/health}, {@code /q/metrics}. */
    public String managementUrl() {
        return "http://localhost:" + managementPort + "/q";
    }

    /** SIGKILL: no shutdown hook runs, as when a pod is killed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(Duration.ofSeconds(20).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            kill();
        }
    }

    private void awaitReady(Duration timeout) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("service exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            try {
                var response = http.send(HttpRequest.newBuilder(URI.create(managementUrl() + "/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        kill();
        throw new IllegalStateException("service not ready in " + timeout + ":\n" + Files.readString(log));
    }

}
