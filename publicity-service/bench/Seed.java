import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * Seeds the benchmark: N projects registered and passed (announcements) and N tender awards (notices), sent as the other
 * services would, as CloudEvents on the real broker. Run as a single-file program:
 * {@code java -cp <kafka-clients classpath> bench/Seed.java <bootstrap> <n>}.
 */
public class Seed {
    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        int n = Integer.parseInt(args[1]);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            for (int i = 0; i < n; i++) {
                String project = UUID.randomUUID().toString();
                String program = "5e6d1c2a-0000-4000-8000-000000002020";
                send(producer, "ruralfund.project.events", project, "cn.ruralfund.project.project-registered.v1", """
                        {"projectId":"%s","programId":"%s","directionId":"%s","projectName":"基准测试项目%d","task":"农产品上行",
                         "buildFirstSubsidiseAfter":false,"enterpriseCreditCode":"91532801MA6K000001","enterpriseName":"景洪测试电商有限公司",
                         "budget":400000.00,"dedicatedAccount":{"bankName":"中国农业银行景洪支行","accountName":"景洪测试电商有限公司","accountNumber":"6228480123456789012"},
                         "expenseLines":null,"registeredAt":"%s"}""".formatted(project, program, UUID.randomUUID(), i, OffsetDateTime.now()));
                send(producer, "ruralfund.acceptance.events", project, "cn.ruralfund.acceptance.acceptance-concluded.v1", """
                        {"projectId":"%s","conclusion":"PASS","reason":null,"detail":"验收合格","concludedAt":"%s"}""".formatted(project, OffsetDateTime.now()));
                String tender = UUID.randomUUID().toString();
                send(producer, "ruralfund.project.events", tender, "cn.ruralfund.project.tender-awarded.v1", """
                        {"tenderId":"%s","tenderReference":"JH-BENCH-%d","title":"基准测试招标%d","programId":"%s","directionId":"%s",
                         "taskId":"%s","task":"冷链仓储","enterpriseCreditCode":"91532801MA6K7XYN17","enterpriseName":"西双版纳某某冷链物流有限公司",
                         "amount":1280000.50,"awardDate":"2021-03-15","awardReference":"JH-ZBTZ-%d","bids":4}""".formatted(
                        tender, i, i, program, UUID.randomUUID(), UUID.randomUUID(), i));
            }
            producer.flush();
        }
    }

    static void send(KafkaProducer<String, String> producer, String topic, String key, String type, String data) throws Exception {
        String event = """
                {"specversion":"1.0","id":"%s","source":"/ruralfund/bench","type":"%s","subject":"%s","time":"%s",
                 "datacontenttype":"application/json","data":%s}""".formatted(UUID.randomUUID(), type, key, OffsetDateTime.now(), data);
        producer.send(new ProducerRecord<>(topic, key, event)).get();
    }
}
