package cn.ruralfund.platform.testing;

import cn.ruralfund.platform.events.Topics;
import kafka.server.KafkaConfig;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The Kafka cluster of a test run or a local run, started once per JVM: the one named by
 * {@code KAFKA_BOOTSTRAP_SERVERS} if set; else a Testcontainers broker where a Docker daemon answers;
 * else a real single-node KRaft broker (broker + controller) started in this JVM from the
 * {@code org.apache.kafka} artifacts.
 */
public final class KafkaBroker {

    private static String bootstrapServers;
    private static String description;
    private static KafkaRaftServer server;
    private static Properties kraftProps;

    private KafkaBroker() {
    }

    public static synchronized String bootstrapServers() {
        if (bootstrapServers == null) {
            start(null);
        }
        return bootstrapServers;
    }

    public static synchronized String description() {
        bootstrapServers();
        return description;
    }

    /** Starts the broker, keeping its log in {@code dataDir} (a throw-away folder when null). */
    public static synchronized void start(Path dataDir) {
        if (bootstrapServers != null) {
            return;
        }
        String given = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        if (given != null && !given.isBlank()) {
            bootstrapServers = given;
            description = "existing Kafka cluster at " + given + " (KAFKA_BOOTSTRAP_SERVERS)";
        } else if (Docker.available()) {
            KafkaContainer container = new KafkaContainer("apache/kafka:4.1.1");
            container.start();
            bootstrapServers = container.getBootstrapServers();
            description = "Testcontainers Kafka at " + bootstrapServers;
        } else {
            try {
                startKraft(dataDir == null ? Files.createTempDirectory("kafka-test") : dataDir);
            } catch (IOException e) {
                throw new IllegalStateException("cannot start the KRaft broker", e);
            }
        }
    }

    private static void startKraft(Path dataDir) throws IOException {
        Path logs = dataDir.resolve("logs");
        Path portFile = dataDir.resolve("ports");
        int port;
        int controllerPort;
        boolean formatted = Files.exists(logs.resolve("meta.properties"));
        if (formatted && Files.exists(portFile)) {
            String[] ports = Files.readString(portFile).trim().split(" ");
            port = Integer.parseInt(ports[0]);
            controllerPort = Integer.parseInt(ports[1]);
        } else {
            port = freePort();
            controllerPort = freePort();
            Files.createDirectories(logs);
            Files.writeString(portFile, port + " " + controllerPort);
        }
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        props.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("log.dirs", logs.toString());
        props.put("num.partitions", "3");
        props.put("auto.create.topics.enable", "true");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "3");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("log.flush.interval.messages", "1000000");
        if (!formatted) {
            Path config = dataDir.resolve("server.properties");
            try (var out = Files.newBufferedWriter(config)) {
                props.store(out, "KRaft broker of the ruralfund test/local run");
            }
            int rc = StorageTool.execute(new String[]{"format", "-t", Uuid.randomUuid().toString(), "-c", config.toString()},
                    new PrintStream(OutputStream.nullOutputStream()));
            if (rc != 0) {
                throw new IllegalStateException("kafka storage format failed: " + rc);
            }
        }
        kraftProps = props;
        server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        server.startup();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (server != null) {
                server.shutdown();
            }
        }, "kafka-shutdown"));
        bootstrapServers = "localhost:" + port;
        createTopics();
        description = "in-process KRaft broker (org.apache.kafka 4.1.2) at " + bootstrapServers;
    }

    /**
     * Stops the in-process broker and starts it again on the same port and log (a broker restart, as a rolling update
     * of the cluster does to its clients); only the broker this JVM started can be restarted.
     */
    public static synchronized void restart() {
        if (server == null) {
            throw new IllegalStateException("only the in-process broker can be restarted; this run uses " + description);
        }
        server.shutdown();
        server.awaitShutdown();
        server = new KafkaRaftServer(KafkaConfig.fromProps(kraftProps, false), Time.SYSTEM);
        server.startup();
    }

    /** The event topics, 3 partitions each, as the cluster's topic operator would make them in production. */
    private static void createTopics() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = Topics.ALL.stream().filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, 3, (short) 1)).toList();
            admin.createTopics(missing).all().get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the event topics", e);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    /** Whether a Docker daemon answers; asked once (the docker client alone is not enough). */
    static final class Docker {
        private static Boolean available;

        static synchronized boolean available() {
            if (available == null) {
                boolean off = "false".equalsIgnoreCase(System.getenv("PLATFORM_TESTCONTAINERS"))
                        || (System.getenv("DOCKER_HOST") == null && !java.nio.file.Files.exists(Path.of("/var/run/docker.sock")));
                try {
                    available = !off && DockerClientFactory.instance().isDockerAvailable();
                } catch (Throwable e) {
                    available = false;
                }
            }
            return available;
        }
    }
}
