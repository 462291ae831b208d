package cn.ruralfund.system;

import cn.ruralfund.platform.testing.KafkaBroker;
import cn.ruralfund.platform.testing.Money;
import cn.ruralfund.platform.testing.Postgres;
import cn.ruralfund.platform.testing.ServiceProcess;
import cn.ruralfund.platform.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static cn.ruralfund.platform.testing.Money.yuan;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

/**
 * The Jinghong 2020 program played through the REST APIs of the packaged services, each its own process, on the real
 * broker and PostgreSQL: allotment, tenders and projects, an expense line for traffic refused (R1), a 50%
 * pre-disbursement and not a fen more (R7), a project that falls behind, misses its notice's deadline and is
 * disqualified with its money recovered under R12, the other accepted after three reviews and audited below its
 * budget (R3, R4), announced for 5 working days with an objection dismissed (R5), and paid the rest capped by the
 * audit on its payment request report and the leading group's approval (R7); sales of three brands by REST, CSV and
 * Kafka where exactly those at or over 10,000,000.00 count for T3; the ledger reconciles to the fen. Parts crash on the way:
 * PostgreSQL restarts while registrations and commitments are in flight, budget-service is killed with SIGKILL and
 * restarted, the broker restarts while an event waits in the outbox; at the end every event of the run is published a
 * second time, which changes nothing. Meanwhile a second county, Menghai, is set up through the API by its own officials
 * and runs a shorter path with its own rules and target table; neither county sees the other's. The services' clock starts on 2021-07-05 (platform.clock.start); project-service is restarted on 2021-08-01
 * to pass the notice's deadline. A failure names the step and the service.
 */
class FundLifecycleIT {

    static final String OFFICE = Tokens.of("COMMERCE_OFFICE");
    static final String FINANCE = Tokens.of("FINANCE");
    static final String LEADERS = Tokens.of("LEADING_GROUP");
    static final String AUDITOR = Tokens.of("AUDITOR");
    static final Map<String, String> JULY = Map.of("platform.clock.start", "2021-07-05T10:00:00+08:00");
    static final Map<String, String> AUGUST = Map.of("platform.clock.start", "2021-08-01T10:00:00+08:00");

    static ServiceProcess project;
    static ServiceProcess budget;
    static ServiceProcess acceptance;
    static ServiceProcess publicity;
    static ServiceProcess reporting;

    static {
        Money.exact();
    }

    @BeforeAll
    static void start() throws Exception {
        KafkaBroker.bootstrapServers();
        project = ServiceProcess.start("project-service", "project", JULY);
        budget = ServiceProcess.start("budget-service", "budget", JULY);
        acceptance = ServiceProcess.start("acceptance-service", "acceptance", JULY);
        publicity = ServiceProcess.start("publicity-service", "publicity", JULY);
        reporting = ServiceProcess.start("reporting-service", "reporting", JULY);
    }

    @AfterAll
    static void stop() throws Exception {
        for (ServiceProcess s : new ServiceProcess[]{reporting, publicity, acceptance, budget, project}) {
            if (s != null) {
                s.close();
            }
        }
    }

    record Party(String code, String enterpriseId, String projectId) {
    }

    /**
     * The scenario is played twice: once clean, once with the crashes and a redelivery of every event. Both end in the same
     * state (the same figures, statuses and outcomes, and the same number of distinct events of each type about the run's
     * programs and projects): nothing lost, nothing applied twice.
     */
    @Test
    void Lifecycle_jinghong2020ReconcilesToTheFenAndEndsTheSameWithCrashesAsWithout() throws Exception {
        Map<String, Object> clean = play(false);
        // the clean run moved project- and publicity-service's clock to August: the second run starts in July again
        project.close();
        project = ServiceProcess.start("project-service", "project", JULY);
        publicity.close();
        publicity = ServiceProcess.start("publicity-service", "publicity", JULY);
        Map<String, Object> crashed = play(true);
        for (String aspect : clean.keySet()) {
            assertThat(crashed.get(aspect)).as("after crashes and redelivery, " + aspect + " differs from the clean run's").isEqualTo(clean.get(aspect));
        }
        assertThat(crashed.keySet()).isEqualTo(clean.keySet());
        everyMetricOfTheAlertsAndDashboardsIsServed();
    }

    /** The alert rules and dashboards read only metric names the running services serve (deploy/check_live_metrics.py). */
    private static void everyMetricOfTheAlertsAndDashboardsIsServed() throws Exception {
        List<String> command = new ArrayList<>(List.of("python3", "../deploy/check_live_metrics.py"));
        for (ServiceProcess s : new ServiceProcess[]{project, budget, acceptance, publicity, reporting}) {
            command.add(s.managementUrl() + "/metrics");
        }
        Process check = new ProcessBuilder(command).redirectErrorStream(true).start();
        String report = new String(check.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        System.out.println("[lifecycle] metric names of deploy/monitoring against the live scrapes:\n" + report);
        assertThat(check.waitFor()).as("deploy/check_live_metrics.py:\n" + report).isZero();
    }

    /** One run of the scenario; with {@code crashes}, parts crash on the way and every event is published again at the end. */
    private static Map<String, Object> play(boolean crashes) throws Exception {
        String run = crashes ? "[lifecycle, crashes] " : "[lifecycle, clean] ";
        System.out.println(run + "starts");
        long started = System.nanoTime();
        String[] program = new String[3]; // id, poverty direction, upward direction
        step("1. the program of F1-F3 is created: 5,000,000 in two directions", "budget-service", () -> {
            String seed = Files.readString(Path.of("../seed/jinghong-2020/program.json"))
                    .replace("2020年景洪市电子商务进农村综合示范项目奖励资金", "2020年景洪市电子商务进农村综合示范项目奖励资金 " + UUID.randomUUID());
            var created = on(budget, OFFICE).body(seed).post("/programs").then().statusCode(201).body("total", yuan("5000000.00")).extract();
            List<String> directions = created.path("directions.id");
            program[0] = created.path("id");
            program[1] = directions.get(0);
            program[2] = directions.get(1);
        });

        Party[] parties = new Party[2];
        step("2. two enterprises win tenders, one project per direction, budgets committed", "project-service", () -> {
            parties[0] = winAndRegister(program[0], program[2], "冷链仓储中心", "800000.00", false);
            parties[1] = winAndRegister(program[0], program[1], "乡镇电商服务站", "300000.00", false);
            if (crashes) { // PostgreSQL restarts while the registrations cross to budget-service and the commitments come back
                Postgres.restart();
            }
            for (Party p : parties) {
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                        on(project, OFFICE).get("/projects/" + p.projectId()).then().body("status", equalTo("ACTIVE")));
            }
        });
        Party a = parties[0];
        Party b = parties[1];

        step("3. an expense line for buying traffic is refused (R1)", "budget-service", () ->
                on(budget, OFFICE).body(Map.of("category", "TRAFFIC_PURCHASE", "description", "直播间购买流量", "amount", 1000))
                        .post("/projects/" + a.projectId() + "/expense-lines").then().statusCode(422)
                        .body("type", equalTo("https://ruralfund.cn/problems/r1-prohibited-use")));

        step("4. project A is pre-disbursed 50%; a further 0.01 is refused (R7)", "budget-service", () -> {
            String id = on(budget, OFFICE).body(Map.of("kind", "PRE_DISBURSEMENT", "amount", new BigDecimal("400000.00"), "purpose", "按进度预拨"))
                    .post("/projects/" + a.projectId() + "/disbursements").then().statusCode(201).extract().path("id");
            if (crashes) { // budget-service dies between the request and its approval, and comes back
                budget.kill();
                budget = ServiceProcess.start("budget-service", "budget", JULY);
            }
            on(budget, LEADERS).body(Map.of("comment", "同意")).post("/disbursements/" + id + "/approval").then().statusCode(200);
            if (crashes) { // the broker restarts while the approval's event waits in the outbox
                KafkaBroker.restart();
            }
            on(budget, FINANCE).body(Map.of("paidOn", "2021-07-05", "voucherNumber", "JH-" + UUID.randomUUID(),
                            "bankName", "中国农业银行景洪支行", "accountNumber", account(a.code())))
                    .post("/disbursements/" + id + "/payment").then().statusCode(200);
            on(budget, OFFICE).body(Map.of("kind", "PRE_DISBURSEMENT", "amount", new BigDecimal("0.01"), "purpose", "再拨"))
                    .post("/projects/" + a.projectId() + "/disbursements").then().statusCode(422)
                    .body("type", equalTo("https://ruralfund.cn/problems/r7-pre-disbursement-cap"));
        });

        step("5a. project B is pre-disbursed, plans its progress and falls behind: a serious deviation and a notice", "project-service", () -> {
            String id = on(budget, OFFICE).body(Map.of("kind", "PRE_DISBURSEMENT", "amount", new BigDecimal("100000.00"), "purpose", "预拨"))
                    .post("/projects/" + b.projectId() + "/disbursements").then().statusCode(201).extract().path("id");
            on(budget, LEADERS).body(Map.of()).post("/disbursements/" + id + "/approval").then().statusCode(200);
            on(budget, FINANCE).body(Map.of("paidOn", "2021-07-05", "voucherNumber", "JH-" + UUID.randomUUID(),
                    "bankName", "中国农业银行景洪支行", "accountNumber", account(b.code()))).post("/disbursements/" + id + "/payment").then().statusCode(200);
            on(project, Tokens.enterprise(b.code())).body(Map.of("milestones", List.of(
                            Map.of("name", "选址与设计", "plannedDate", "2021-03-31", "weight", 30),
                            Map.of("name", "站点建成", "plannedDate", "2021-06-30", "weight", 30),
                            Map.of("name", "运营", "plannedDate", "2021-12-31", "weight", 40))))
                    .put("/projects/" + b.projectId() + "/plan").then().statusCode(200);
            on(project, OFFICE).post("/projects/" + b.projectId() + "/plan/approval").then().statusCode(200);
            on(project, OFFICE).post("/supervision/checks").then().statusCode(200);
            on(project, OFFICE).get("/projects/" + b.projectId() + "/deviations").then().body("[0].serious", equalTo(true));
            on(project, OFFICE).body(Map.of("kind", "PROGRESS_DELAY", "reason", "进度严重滞后于进度计划表", "deadline", "2021-07-31"))
                    .post("/projects/" + b.projectId() + "/notices").then().statusCode(201);
        });

        // 11. a second county runs its shorter path at the same time as Jinghong's acceptance and publicity (no crash meanwhile)
        java.util.concurrent.CompletableFuture<String[]> menghai = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return secondCounty(program[0], a);
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });

        String[] application = new String[1];
        step("6. project A applies for acceptance with its materials, passes initial, on-site and joint review, and is audited below its budget (R3, R4)",
                "acceptance-service", () -> application[0] = acceptedAndAudited(a, "700000.00"));

        String[] announcement = new String[1];
        step("7a. the publicity window opens for 5 working days; a citizen objects and the office dismisses it (R5)", "publicity-service", () -> {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> announcement[0] = given().baseUri(publicity.url())
                    .queryParam("projectId", a.projectId()).get("/announcements").then().statusCode(200).body("total", equalTo(1))
                    .body("items.size()", equalTo(1)).extract().path("items[0].id"));
            given().baseUri(publicity.url()).get("/announcements/" + announcement[0]).then()
                    .body("window.publishedOn", equalTo("2021-07-05")).body("window.endsOn", equalTo("2021-07-12")); // Mon + 5 working days, the 5th not counted
            String objection = given().baseUri(publicity.url()).header("X-Forwarded-For", "10.8.8.8").contentType(ContentType.JSON)
                    .body(Map.of("name", "岩罕", "contact", "13988888888", "text", "冷库去年就建好了，不是今年建的"))
                    .post("/announcements/" + announcement[0] + "/objections").then().statusCode(201).extract().path("id");
            on(publicity, OFFICE).body(Map.of("decision", "DISMISSED", "reasons", "经核查：冷库于2021年建成，合同与发票可证"))
                    .post("/announcements/" + announcement[0] + "/objections/" + objection + "/decision").then().statusCode(200);
        });

        String[] second = new String[2];
        step("11. the second county's path has finished beside Jinghong's", "(see the step named in the cause)", () -> {
            try {
                System.arraycopy(menghai.get(5, java.util.concurrent.TimeUnit.MINUTES), 0, second, 0, 2);
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof AssertionError failure ? failure : new AssertionError(e.getCause());
            }
        });

        step("5b. the deadline passes unrectified: B is disqualified and its money recovered under R12", "project-service", () -> {
            project.close();
            project = ServiceProcess.start("project-service", "project", AUGUST);
            on(project, OFFICE).post("/supervision/checks").then().statusCode(200).body("projectsDisqualified", equalTo(1));
            on(project, OFFICE).get("/projects/" + b.projectId()).then().body("status", equalTo("DISQUALIFIED"));
        });
        step("5c. budget-service stops B and orders its 100,000.00 recovered under R12", "budget-service", () ->
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> on(budget, FINANCE).get("/projects/" + b.projectId() + "/recoveries")
                        .then().body("size()", equalTo(1)).body("[0].rule", equalTo("R12")).body("[0].amount", yuan("100000.00"))));

        step("7b. after the window the office closes the announcement: no objection upheld", "publicity-service", () -> {
            publicity.close();
            publicity = ServiceProcess.start("publicity-service", "publicity", AUGUST);
            // the office closes it (or the scheduled close did so first at start-up)
            int closing = on(publicity, OFFICE).post("/announcements/" + announcement[0] + "/closure").then().extract().statusCode();
            assertThat(closing).isIn(200, 409);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().baseUri(publicity.url()).get("/announcements/" + announcement[0])
                    .then().body("status", equalTo("CLOSED")).body("outcome", equalTo("OBJECTIONS_DISMISSED")));
        });

        step("8. the payment request report, the leading group's approval, and Finance pays the rest, capped by the audit (R7)", "budget-service", () -> {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> on(budget, OFFICE).get("/projects/" + a.projectId() + "/acceptance-payment")
                    .then().body("missing", equalTo(List.of("PAYMENT_REQUEST_REPORT", "LEADING_GROUP_APPROVAL"))));
            on(budget, OFFICE).body(Map.of("kind", "ACCEPTANCE_PAYMENT", "amount", new BigDecimal("300000.01"), "purpose", "验收拨付"))
                    .post("/projects/" + a.projectId() + "/disbursements").then().statusCode(422)
                    .body("type", equalTo("https://ruralfund.cn/problems/r7-audited-amount-cap"));
            String id = on(budget, OFFICE).body(Map.of("kind", "ACCEPTANCE_PAYMENT", "amount", new BigDecimal("300000.00"), "purpose", "验收拨付"))
                    .post("/projects/" + a.projectId() + "/disbursements").then().statusCode(201).extract().path("id");
            on(budget, OFFICE).post("/disbursements/" + id + "/report").then().statusCode(201);
            on(budget, LEADERS).body(Map.of("comment", "同意拨付")).post("/disbursements/" + id + "/approval").then().statusCode(200);
            on(budget, FINANCE).body(Map.of("paidOn", "2021-07-05", "voucherNumber", "JH-" + UUID.randomUUID(),
                    "bankName", "中国农业银行景洪支行", "accountNumber", account(a.code()))).post("/disbursements/" + id + "/payment").then().statusCode(200);
            on(budget, OFFICE).get("/projects/" + a.projectId() + "/acceptance-payment").then().body("missing", equalTo(List.of()));
        });

        step("9. sales of three brands arrive by REST, CSV and Kafka: exactly those at or over 10,000,000.00 in 2021 count for T3; T10 to the fen",
                "reporting-service", () -> {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> on(reporting, OFFICE).get("/programs/" + program[0]).then().statusCode(200));
            String other = creditCode();
            String x = brand(program[0], a.code());   // 6,000,000.00 by REST + 4,000,000.00 by CSV: exactly the line
            String y = brand(program[0], b.code());   // 9,999,999.99 by REST: one fen short
            String z = brand(program[0], other);      // 12,000,000.00 by the Kafka feed
            on(reporting, Tokens.enterprise(a.code())).body(sale("2021-03", x, "TAOBAO", "6000000.00")).post("/sales").then().statusCode(201);
            on(reporting, Tokens.enterprise(b.code())).body(sale("2021-03", y, "JD", "9999999.99")).post("/sales").then().statusCode(201);
            String csv = "\uFEFFperiod,brand,product,platform,township,amount,orders,units,poor_household\r\n"
                    + "2021-05," + x + ",P1,JD,勐龙镇,4000000.00,100,200,false\r\n";
            given().baseUri(reporting.url()).auth().oauth2(OFFICE).multiPart("file", "sales.csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/csv")
                    .post("/sales/uploads").then().statusCode(200).body("created", equalTo(1)).body("rejected", equalTo(0));
            cn.ruralfund.platform.testing.Events.send(cn.ruralfund.platform.contracts.SalesRecordedV1.TYPE, other,
                    new cn.ruralfund.platform.contracts.SalesRecordedV1(other, "2021-06", z, "P1", "DOUYIN", "勐龙镇", new BigDecimal("12000000.00"), 500, 900, false));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> on(reporting, OFFICE).queryParam("year", 2021)
                    .get("/programs/" + program[0] + "/brands-over-threshold").then().statusCode(200)
                    .body("brands.brand", org.hamcrest.Matchers.containsInAnyOrder(x, z)));
            // T10, 资金执行率: (paid − recovered) / allotted = 800,000.00 / 5,000,000.00
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> on(reporting, OFFICE).get("/programs/" + program[0] + "/evaluation").then()
                    .body("indicators.find { it.code == 'T10' }.actual", Money.number("16.00")));
        });

        step("10. the ledger reconciles, per program, direction and project, and every step is in the audit trail", "budget-service",
                () -> reconciles(program[0], a, b));

        if (crashes) {
            long records = republishEverything();
            step("12. every event on the broker (" + records + " records) published a second time changes nothing", "budget-service", () -> {
                Thread.sleep(5000);
                reconciles(program[0], a, b);
                on(budget, FINANCE).get("/projects/" + b.projectId() + "/recoveries").then().body("size()", equalTo(1));
                on(project, OFFICE).get("/projects/" + a.projectId() + "/history").then().body("action", hasItems("project.registered"));
            });
        }
        Map<String, Object> state = finalState(program[0], a, b, second[0], second[1]);
        System.out.printf("%stook %.1f s; %s distinct events of this run crossed Kafka%n", run, (System.nanoTime() - started) / 1e9,
                ((Map<?, ?>) state.get("events of the run, by type")).values().stream().mapToLong(n -> (Long) n).sum());
        return state;
    }

    /**
     * What the run leaves behind, without ids: balances, budgets, recoveries, statuses, outcomes, target tables of both
     * counties, and how many distinct events of each type concern the run's programs and projects.
     */
    private static Map<String, Object> finalState(String jinghong, Party a, Party b, String menghai, String menghaiProject) {
        Map<String, Object> state = new java.util.LinkedHashMap<>();
        state.put("Jinghong balances", on(budget, OFFICE).get("/programs/" + jinghong + "/balances").then().extract().path("balances"));
        state.put("Menghai balances", on(budget, OFFICE).get("/programs/" + menghai + "/balances").then().extract().path("balances"));
        for (var p : Map.of("A", a.projectId(), "B", b.projectId(), "Menghai's", menghaiProject).entrySet()) {
            var budgetOf = on(budget, OFFICE).get("/projects/" + p.getValue() + "/budget").then().extract();
            state.put("project " + p.getKey() + " budget", List.of(budgetOf.path("committed").toString(), budgetOf.path("paid").toString(), budgetOf.path("status")));
            state.put("project " + p.getKey() + " status", on(project, OFFICE).get("/projects/" + p.getValue()).then().extract().path("status"));
            state.put("project " + p.getKey() + " recoveries", fields(on(budget, FINANCE).get("/projects/" + p.getValue() + "/recoveries")
                    .then().extract().jsonPath().getList("$"), "rule", "amount", "status"));
        }
        state.put("project A acceptance payment missing", on(budget, OFFICE).get("/projects/" + a.projectId() + "/acceptance-payment").then().extract().path("missing"));
        state.put("project A announcement", fields(given().baseUri(publicity.url()).queryParam("projectId", a.projectId())
                .get("/announcements").then().extract().jsonPath().getList("items"), "status", "outcome"));
        for (var p : Map.of("Jinghong", jinghong, "Menghai", menghai).entrySet()) {
            state.put(p.getKey() + " target table", fields(on(reporting, OFFICE).get("/programs/" + p.getValue() + "/evaluation")
                    .then().extract().jsonPath().getList("indicators"), "code", "actual", "status"));
        }
        List<String> ids = List.of(jinghong, menghai, a.projectId(), b.projectId(), menghaiProject);
        Map<String, Long> events = new java.util.TreeMap<>();
        everyRecord().stream().map(ConsumerRecord::value).filter(v -> ids.stream().anyMatch(v::contains)).map(FundLifecycleIT::idAndType).distinct()
                .forEach(e -> events.merge(e.get(1), 1L, Long::sum)); // distinct ids: a redelivered or re-sent event counts once
        state.put("events of the run, by type", events);
        return state;
    }

    /** The named fields of each object, as strings (money keeps its fen). */
    private static List<List<String>> fields(List<Map<String, Object>> objects, String... names) {
        return objects.stream().map(o -> java.util.Arrays.stream(names).map(n -> String.valueOf(o.get(n))).toList()).toList();
    }

    private static List<String> idAndType(String cloudEvent) {
        try {
            var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(cloudEvent);
            return List.of(json.path("id").asText(), json.path("type").asText());
        } catch (java.io.IOException e) {
            return List.of(cloudEvent, "(not JSON)");
        }
    }

    /**
     * 11. Menghai County (勐海县), set up through the API alone by its own officials: another total, directions, phases and
     * rules (a 30% pre-disbursement cap), its own target table; a shorter path: a project, a capped pre-disbursement, sales of
     * one brand. Neither county's officials, enterprises or statistics see the other's.
     */
    private static String[] secondCounty(String jinghongProgram, Party jinghongA) throws Exception {
        String office = Tokens.ofCounty("COMMERCE_OFFICE", "勐海县");
        String leaders = Tokens.ofCounty("LEADING_GROUP", "勐海县");
        String finance = Tokens.ofCounty("FINANCE", "勐海县");
        String jinghongOffice = Tokens.ofCounty("COMMERCE_OFFICE", "景洪市");
        String[] program = new String[2]; // id, service-centre direction
        step("11a. Menghai's officials set up their 2021 program: 3,000,000.00 in two directions, two phases, a 30% cap", "budget-service", () -> {
            var created = on(budget, office).body(Map.of("county", "勐海县", "year", 2021, "name", "2021年勐海县电子商务进农村综合示范项目 " + UUID.randomUUID(),
                            "total", new BigDecimal("3000000.00"), "periodStart", "2021-06", "periodEnd", "2022-06",
                            "directions", List.of(Map.of("name", "县级电子商务公共服务中心", "allocation", new BigDecimal("1200000.00")),
                                    Map.of("name", "农村物流配送体系", "allocation", new BigDecimal("1800000.00"))),
                            "phases", List.of(Map.of("code", "CONSTRUCTION", "name", "建设期", "start", "2021-06", "end", "2021-12"),
                                    Map.of("code", "OPERATION", "name", "运营期", "start", "2022-01", "end", "2022-06")),
                            "rules", Map.of("preDisbursementCapPercent", 30, "publicityWorkingDays", 7, "acceptanceTeamMinimum", 5)))
                    .post("/programs").then().statusCode(201).body("county", equalTo("勐海县")).extract();
            program[0] = created.path("id");
            program[1] = created.path("directions.find { it.name == '县级电子商务公共服务中心' }.id");
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> on(reporting, office).get("/programs/" + program[0]).then().statusCode(200));
            on(reporting, office).body(Map.of("code", "M1", "level1", "EXECUTION", "level2", "EXECUTION", "name", "资金执行率", "unit", "%",
                    "comparison", "AT_LEAST", "targetValue", 90, "points", 50, "source", "FUND_EXECUTION_RATE")).post("/programs/" + program[0] + "/targets")
                    .then().statusCode(201);
            on(reporting, office).body(Map.of("code", "M2", "level1", "BENEFIT", "level2", "ECONOMIC", "name", "网络销售额达500万元的农产品品牌", "unit", "个",
                    "comparison", "AT_LEAST", "targetValue", 1, "points", 50, "source", "BRANDS_OVER_THRESHOLD", "threshold", new BigDecimal("5000000.00")))
                    .post("/programs/" + program[0] + "/targets").then().statusCode(201);
        });
        Party m = winAndRegister(office, "勐海县", "532822", program[0], program[1], "县级电商公共服务中心", "500000.00", false, "CONSTRUCTION",
                "2021-07-01", "2022-06-30");
        step("11b. Menghai's project is pre-disbursed up to its program's 30% cap, not a fen more", "budget-service", () -> {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    on(project, office).get("/projects/" + m.projectId()).then().body("status", equalTo("ACTIVE")));
            on(budget, office).body(Map.of("kind", "PRE_DISBURSEMENT", "amount", new BigDecimal("150000.01"), "purpose", "预拨"))
                    .post("/projects/" + m.projectId() + "/disbursements").then().statusCode(422)
                    .body("type", equalTo("https://ruralfund.cn/problems/r7-pre-disbursement-cap"));
            String id = on(budget, office).body(Map.of("kind", "PRE_DISBURSEMENT", "amount", new BigDecimal("150000.00"), "purpose", "预拨"))
                    .post("/projects/" + m.projectId() + "/disbursements").then().statusCode(201).extract().path("id");
            on(budget, leaders).body(Map.of()).post("/disbursements/" + id + "/approval").then().statusCode(200);
            on(budget, finance).body(Map.of("paidOn", "2021-07-05", "voucherNumber", "MH-" + UUID.randomUUID(),
                    "bankName", "中国农业银行勐海支行", "accountNumber", account(m.code()))).post("/disbursements/" + id + "/payment").then().statusCode(200);
            String brand = brand(office, program[0], m.code());
            on(reporting, Tokens.enterprise(m.code())).body(sale("2021-06", brand, "PINDUODUO", "5000000.00")).post("/sales").then().statusCode(201);
        });
        step("11c. Menghai's target table: execution 150,000.00 / 3,000,000.00 = 5.00%, one brand at 5,000,000.00", "reporting-service", () ->
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> on(reporting, office).get("/programs/" + program[0] + "/evaluation").then()
                        .body("indicators.code", equalTo(List.of("M1", "M2")))
                        .body("indicators.find { it.code == 'M1' }.actual", Money.number("5.00"))
                        .body("indicators.find { it.code == 'M2' }.actual", Money.number("1"))));
        step("11d. neither county's officials, enterprises or statistics see the other's", "budget-service, project-service, reporting-service", () -> {
            on(budget, office).get("/programs").then().statusCode(200).body("id", hasItems(program[0])).body("id", not(hasItems(jinghongProgram)));
            on(budget, jinghongOffice).get("/programs").then().statusCode(200).body("id", not(hasItems(program[0])));
            on(budget, office).get("/programs/" + jinghongProgram + "/balances").then().statusCode(403);
            on(budget, jinghongOffice).get("/projects/" + m.projectId() + "/budget").then().statusCode(403);
            on(budget, Tokens.enterprise(m.code())).get("/projects/" + jinghongA.projectId() + "/budget").then().statusCode(403);
            on(budget, Tokens.enterprise(jinghongA.code())).get("/projects/" + m.projectId() + "/disbursements").then().statusCode(403);
            on(project, office).get("/projects").then().statusCode(200).body("id", hasItems(m.projectId())).body("id", not(hasItems(jinghongA.projectId())));
            on(project, jinghongOffice).get("/projects/" + m.projectId()).then().statusCode(403);
            on(reporting, office).get("/programs").then().statusCode(200).body("programId", hasItems(program[0])).body("programId", not(hasItems(jinghongProgram)));
            on(reporting, office).get("/programs/" + jinghongProgram + "/evaluation").then().statusCode(403);
            on(reporting, jinghongOffice).get("/programs/" + program[0] + "/evaluation").then().statusCode(403);
        });
        return new String[]{program[0], m.projectId()};
    }

    private static void reconciles(String programId, Party a, Party b) {
        on(budget, OFFICE).get("/programs/" + programId + "/balances").then().statusCode(200)
                .body("balances.allotted", yuan("5000000.00"))
                // A's 800,000 and, of B's 300,000, the 100,000 paid and not yet recovered: the rest went back when B stopped
                .body("balances.committed", yuan("900000.00"))
                .body("balances.uncommitted", yuan("4100000.00"))
                .body("balances.paid", yuan("800000.00"))
                .body("balances.netPaid", yuan("800000.00")); // nothing received back yet: the order is open
        on(budget, OFFICE).get("/projects/" + a.projectId() + "/budget").then()
                .body("committed", yuan("800000.00")).body("paid", yuan("700000.00")).body("status", equalTo("COMMITTED"));
        on(budget, OFFICE).get("/projects/" + b.projectId() + "/budget").then()
                .body("committed", yuan("100000.00")).body("paid", yuan("100000.00")).body("status", equalTo("STOPPED"));
        on(budget, AUDITOR).get("/projects/" + a.projectId() + "/history").then()
                .body("action", hasItems("budget.committed", "disbursement.requested", "disbursement.approved", "disbursement.paid"));
        on(budget, AUDITOR).get("/projects/" + b.projectId() + "/history").then()
                .body("action", hasItems("project.stopped", "recovery.ordered"));
    }

    /** R3, R4: the application with every checklist material and an invoice, three reviews, PASS, then the audit. */
    private static String acceptedAndAudited(Party p, String audited) throws Exception {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> on(acceptance, OFFICE).get("/projects/" + p.projectId()).then()
                .statusCode(200).body("deadline", equalTo("2022-12-31")));
        String enterprise = Tokens.enterprise(p.code());
        String application = on(acceptance, enterprise).body(Map.of("projectId", p.projectId(), "statement", "冷库已建成并投入使用"))
                .post("/applications").then().statusCode(201).extract().path("id");
        for (String kind : List.of("CONTRACT", "INVOICE", "PHOTO", "COMPLETION_REPORT", "SELF_EVALUATION")) {
            byte[] pdf = ("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n% " + kind + "\n%%EOF\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(pdf));
            given().baseUri(acceptance.url()).config(io.restassured.RestAssured.config().multiPartConfig(
                            io.restassured.config.MultiPartConfig.multiPartConfig().defaultCharset("UTF-8")))
                    .auth().oauth2(enterprise).multiPart("file", kind.toLowerCase() + ".pdf", pdf, "application/pdf")
                    .multiPart("kind", kind).multiPart("sha256", sha)
                    .post("/applications/" + application + "/materials").then().statusCode(201);
        }
        on(acceptance, enterprise).body(Map.of("code", "053002100111", "number", String.valueOf(10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999)),
                "issuedOn", "2021-06-18", "seller", "昆明某制冷设备有限公司", "amount", "356000.00")).post("/applications/" + application + "/invoices")
                .then().statusCode(201);
        on(acceptance, enterprise).post("/applications/" + application + "/submission").then().statusCode(200);
        on(acceptance, OFFICE).body(Map.of("complete", true, "note", "材料齐全")).post("/applications/" + application + "/initial-review")
                .then().statusCode(200);
        List<String> team = List.of("zhang-" + UUID.randomUUID(), "li-" + UUID.randomUUID(), "wang-" + UUID.randomUUID());
        on(acceptance, OFFICE).body(Map.of("members", team)).put("/applications/" + application + "/team").then().statusCode(200);
        for (String member : team) {
            on(acceptance, Tokens.named(member, "ACCEPTANCE_TEAM")).body(Map.of("matchesMaterials", true, "findings",
                            List.of(Map.of("item", "冷库容量", "finding", "实测与合同一致"))))
                    .post("/applications/" + application + "/on-site-reviews").then().statusCode(201);
        }
        on(acceptance, FINANCE).body(Map.of("agrees", true, "opinion", "财政局同意验收意见")).post("/applications/" + application + "/joint-review")
                .then().statusCode(201);
        on(acceptance, OFFICE).body(Map.of("conclusion", "PASS", "reasons", "经实地评审与会审")).post("/applications/" + application + "/conclusion")
                .then().statusCode(200);
        on(acceptance, AUDITOR).body(Map.of("auditFirm", "云南某会计师事务所", "reportNumber", "云审字〔2021〕第088号", "auditedEligibleAmount", audited))
                .post("/applications/" + application + "/audit").then().statusCode(201);
        return application;
    }

    /** A brand of the program with one product, P1, registered in reporting-service; returns its name. */
    private static String brand(String programId, String enterprise) {
        return brand(OFFICE, programId, enterprise);
    }

    private static String brand(String office, String programId, String enterprise) {
        String name = "品牌-" + UUID.randomUUID();
        String id = on(reporting, office).body(Map.of("programId", programId, "name", name, "enterpriseCreditCode", enterprise,
                "regionalPublicBrand", false)).post("/brands").then().statusCode(201).extract().path("id");
        on(reporting, office).body(Map.of("name", "P1", "internetFamous", false)).post("/brands/" + id + "/products").then().statusCode(201);
        return name;
    }

    private static Map<String, Object> sale(String period, String brand, String platform, String amount) {
        return Map.of("period", period, "brand", brand, "product", "P1", "platform", platform, "township", "勐龙镇",
                "amount", new BigDecimal(amount), "orders", 10, "units", 20, "poorHousehold", false);
    }

    /** An enterprise registered, a task, a tender won and a project registered with its expense plan. */
    private static Party winAndRegister(String programId, String directionId, String name, String budgetYuan, boolean buildFirst) {
        return winAndRegister(OFFICE, "景洪市", "532801", programId, directionId, name, budgetYuan, buildFirst, "IMPLEMENTATION", "2021-01-01", "2021-12-31");
    }

    private static Party winAndRegister(String office, String county, String region, String programId, String directionId, String name,
                                        String budgetYuan, boolean buildFirst, String phase, String start, String end) {
        String code = creditCode(region);
        String enterprise = on(project, office).body(Map.of("name", county + name + "电子商务有限公司", "creditCode", code,
                        "legalRepresentative", "岩温", "contact", "0691-2100000",
                        "fundAccount", Map.of("bank", "中国农业银行景洪支行", "accountName", name + "专户", "accountNumber", account(code))))
                .post("/enterprises").then().statusCode(201).extract().path("id");
        String[] task = new String[1];
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> task[0] = on(project, office).body(Map.of("programId", programId,
                        "directionId", directionId, "name", name + " " + UUID.randomUUID(), "category", "COLD_CHAIN_STORAGE",
                        "buildFirstSubsidiseAfter", buildFirst, "responsibleUnits", List.of("市商务局")))
                .post("/tasks").then().statusCode(201).extract().path("id")); // once project-service heard of the program
        String tender = on(project, office).body(Map.of("taskId", task[0], "title", name + "建设招标", "reference", "JHZB-" + UUID.randomUUID()))
                .post("/tenders").then().statusCode(201).extract().path("id");
        String bid = on(project, office).body(Map.of("enterpriseId", enterprise, "amount", new BigDecimal(budgetYuan)))
                .post("/tenders/" + tender + "/bids").then().statusCode(201).extract().path("id");
        on(project, office).body(Map.of("bidId", bid, "awardDate", "2020-12-20", "awardReference", "ZBTZ-" + UUID.randomUUID()))
                .post("/tenders/" + tender + "/award").then().statusCode(200);
        String projectId = on(project, office).body(Map.of("tenderId", tender, "name", county + name, "budget", new BigDecimal(budgetYuan),
                        "township", "嘎洒镇", "startDate", start, "endDate", end, "phase", phase,
                        "expenseLines", List.of(Map.of("category", "COLD_CHAIN_FACILITY", "description", name, "amount", new BigDecimal(budgetYuan)))))
                .post("/projects").then().statusCode(201).extract().path("id");
        return new Party(code, enterprise, projectId);
    }

    /** Every record of every event topic published again, as a redelivery would: returns how many there were. */
    private static long republishEverything() {
        List<ConsumerRecord<String, String>> records = everyRecord();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", KafkaBroker.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            records.forEach(r -> producer.send(new ProducerRecord<>(r.topic(), r.key(), r.value())));
        }
        return records.size();
    }

    /** Every record of every event topic, from the beginning. */
    private static List<ConsumerRecord<String, String>> everyRecord() {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "replay-" + UUID.randomUUID()), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : cn.ruralfund.platform.events.Topics.ALL) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    records.add(r);
                }
            }
        }
        return records;
    }

    interface Step {
        void run() throws Exception;
    }

    /** Runs a step of the scenario; a failure says which step and which service diverged. */
    private static void step(String name, String service, Step step) throws Exception {
        try {
            step.run();
            System.out.println("[lifecycle] ✔ " + name);
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError("step \"" + name + "\" diverged in " + service + ": " + e.getMessage(), e);
        }
    }

    private static RequestSpecification on(ServiceProcess service, String token) {
        return given().baseUri(service.url()).auth().oauth2(token).contentType(ContentType.JSON);
    }

    private static String account(String code) {
        return "2417010104000" + code.substring(12);
    }

    static String creditCode() {
        return creditCode("532801");
    }

    /** A fresh valid unified social credit code (GB 32100-2015), registered in a county (Jinghong 532801, Menghai 532822). */
    static String creditCode(String region) {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
        StringBuilder code = new StringBuilder("91" + region);
        for (int i = 0; i < 9; i++) {
            code.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += alphabet.indexOf(code.charAt(i)) * weights[i];
        }
        int check = (31 - sum % 31) % 31;
        return code.append(alphabet.charAt(check)).toString();
    }
}
