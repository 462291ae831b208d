package cn.ruralfund.system;

import cn.ruralfund.platform.testing.KafkaBroker;
import cn.ruralfund.platform.testing.ServiceProcess;
import cn.ruralfund.platform.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One trace across services, through the outbox and Kafka: a project registered at project-service by one REST request
 * that carries a known W3C {@code traceparent} (as the government's API gateway would send it) makes project-service
 * publish {@code project-registered}; budget-service consumes it and commits the budget, publishing
 * {@code budget-committed}. Both events, read from the broker with the official CloudEvents SDK as another bureau
 * would, carry that trace id in their distributed-tracing extension attribute, each from a span of its own service;
 * an event caused by a request without trace context is in another trace. The services are the packaged jars, each
 * its own process, with trace export off (the default): the context rides on the events whether or not spans are
 * exported.
 */
class TraceAcrossServicesIT {

    static final String OFFICE = Tokens.of("COMMERCE_OFFICE");
    static final Map<String, String> JULY = Map.of("platform.clock.start", "2021-07-05T10:00:00+08:00");
    static final ObjectMapper JSON = new ObjectMapper();

    static ServiceProcess project;
    static ServiceProcess budget;

    @BeforeAll
    static void start() throws Exception {
        KafkaBroker.bootstrapServers();
        project = ServiceProcess.start("project-service", "project", JULY);
        budget = ServiceProcess.start("budget-service", "budget", JULY);
    }

    @AfterAll
    static void stop() throws Exception {
        for (ServiceProcess s : new ServiceProcess[]{budget, project}) {
            if (s != null) {
                s.close();
            }
        }
    }

    @Test
    void Trace_oneRequestsTraceIdRidesOnItsEventAndOnTheEventAnotherServicePublishesInResponse() throws Exception {
        // the setting: a program (budget-service), and at project-service an enterprise, a task, a tender won; no trace context sent
        String seed = Files.readString(Path.of("../seed/jinghong-2020/program.json"))
                .replace("2020年景洪市电子商务进农村综合示范项目奖励资金", "2020年景洪市电子商务进农村综合示范项目奖励资金 " + UUID.randomUUID());
        var program = on(budget, OFFICE).body(seed).post("/programs").then().statusCode(201).extract();
        String programId = program.path("id");
        String directionId = program.<List<String>>path("directions.id").get(1); // 农产品上行: room for 800,000.00
        String code = FundLifecycleIT.creditCode();
        String enterprise = on(project, OFFICE).body(Map.of("name", "景洪市冷链仓储电子商务有限公司", "creditCode", code,
                        "legalRepresentative", "岩温", "contact", "0691-2100000",
                        "fundAccount", Map.of("bank", "中国农业银行景洪支行", "accountName", "冷链专户", "accountNumber", "2417010104000" + code.substring(12))))
                .post("/enterprises").then().statusCode(201).extract().path("id");
        String[] task = new String[1];
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> task[0] = on(project, OFFICE).body(Map.of("programId", programId,
                        "directionId", directionId, "name", "冷链仓储中心 " + UUID.randomUUID(), "category", "COLD_CHAIN_STORAGE",
                        "buildFirstSubsidiseAfter", false, "responsibleUnits", List.of("市商务局")))
                .post("/tasks").then().statusCode(201).extract().path("id")); // once project-service heard of the program
        String tender = on(project, OFFICE).body(Map.of("taskId", task[0], "title", "冷链仓储中心建设招标", "reference", "JHZB-" + UUID.randomUUID()))
                .post("/tenders").then().statusCode(201).extract().path("id");
        String bid = on(project, OFFICE).body(Map.of("enterpriseId", enterprise, "amount", new BigDecimal("800000.00")))
                .post("/tenders/" + tender + "/bids").then().statusCode(201).extract().path("id");
        on(project, OFFICE).body(Map.of("bidId", bid, "awardDate", "2020-12-20", "awardReference", "ZBTZ-" + UUID.randomUUID()))
                .post("/tenders/" + tender + "/award").then().statusCode(200);

        // the request under test: a known trace id and parent span, sampled
        String traceId = hex(16);
        String callerSpan = hex(8);
        String projectId = on(project, OFFICE).header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .body(Map.of("tenderId", tender, "name", "景洪市冷链仓储中心", "budget", new BigDecimal("800000.00"),
                        "township", "嘎洒镇", "startDate", "2021-01-01", "endDate", "2021-12-31", "phase", "IMPLEMENTATION",
                        "expenseLines", List.of(Map.of("category", "COLD_CHAIN_FACILITY", "description", "冷链仓储中心", "amount", new BigDecimal("800000.00")))))
                .post("/projects").then().statusCode(201).extract().path("id");

        CloudEvent registered = awaitEvent("ruralfund.project.events", projectId, "cn.ruralfund.project.project-registered.v1");
        CloudEvent committed = awaitEvent("ruralfund.budget.events", projectId, "cn.ruralfund.budget.budget-committed.v1");
        CloudEvent created = awaitEvent("ruralfund.budget.events", programId, "cn.ruralfund.budget.program-created.v1");

        String[] a = traceparent(registered);
        String[] b = traceparent(committed);
        assertThat(a[1]).as("project-registered's trace id (project-service)").isEqualTo(traceId);
        assertThat(b[1]).as("budget-committed's trace id (budget-service, in response)").isEqualTo(traceId);
        assertThat(a[2]).as("written in project-service's own span, a child of the caller's").isNotEqualTo(callerSpan);
        assertThat(b[2]).as("written in budget-service's span, not project-service's").isNotEqualTo(a[2]).isNotEqualTo(callerSpan);
        assertThat(traceparent(created)[1]).as("an event of another request is another trace").isNotEqualTo(traceId);
        System.out.println("[trace] " + traceId + ": project-registered from span " + a[2] + ", budget-committed from span " + b[2]);
    }

    /** {version, trace id, span id, flags} of the event's W3C traceparent, which must be there. */
    private static String[] traceparent(CloudEvent event) {
        Object value = event.getExtension("traceparent");
        assertThat(value).as("traceparent of " + event.getType() + " " + event.getId()).isNotNull();
        assertThat(value.toString()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
        return value.toString().split("-");
    }

    /**
     * The first event of {@code type} about {@code subject} on the topic, as published (structured mode, content type
     * {@code application/cloudevents+json}) and parsed by the CloudEvents SDK's JSON format; 60 s at most. Records
     * about other subjects are skipped unparsed: the broker is shared with the other suites, whose replays are
     * not ours to judge.
     */
    private static CloudEvent awaitEvent(String topic, String subject, String type) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        var format = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "trace-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (!subject.equals(record.key())) {
                        continue;
                    }
                    Header contentType = record.headers().lastHeader("content-type");
                    assertThat(contentType).as("content-type header of " + topic + "@" + record.offset()).isNotNull();
                    assertThat(new String(contentType.value(), StandardCharsets.UTF_8)).isEqualTo(JsonFormat.CONTENT_TYPE);
                    CloudEvent event = format.deserialize(record.value().getBytes(StandardCharsets.UTF_8));
                    if (type.equals(event.getType())) {
                        assertThat(event.getSubject()).isEqualTo(subject);
                        assertThat(data(event).isObject()).isTrue();
                        return event;
                    }
                }
            }
        }
        throw new AssertionError("no " + type + " about " + subject + " on " + topic + " within 60 s");
    }

    private static JsonNode data(CloudEvent event) {
        try {
            return JSON.readTree(event.getData().toBytes());
        } catch (Exception e) {
            throw new AssertionError("data of " + event.getId() + " is not JSON", e);
        }
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(b);
        b[0] |= 1; // never all zeros: an invalid id
        return HexFormat.of().formatHex(b);
    }

    private static RequestSpecification on(ServiceProcess service, String token) {
        return given().baseUri(service.url()).auth().oauth2(token).contentType(ContentType.JSON);
    }
}
