package com.kefu.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * R6 the cluster of {@code up.sh --cluster}, reduced to what the faults touch: three KRaft brokers, two instances each
 * of complaint-service and of dutylog-service (which takes every phone complaint into the duty log), one gateway
 * balancing between them (the other services and the second gateway are left out to keep the test's time and memory
 * down). Real processes on the cluster's own ports (gateway 26080, the instances 26081/26091 and 26082/26092,
 * PostgreSQL 26432, brokers 26192–26194), killed with {@code kill -9}, frozen with {@code kill -STOP}. The class runs
 * beside the end-to-end classes of the shared system (junit-platform.properties), its own tests one after another.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Execution(ExecutionMode.CONCURRENT)
class ClusterTest {

    private static final int GATEWAY_PORT = 26080;
    private static final int POSTGRES_PORT = 26432;
    /** Brokers 26192–26194 (controllers 100 above): clear of the second instances' ports (26091, 26092). */
    private static final int KAFKA_PORT = 26192;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The intakes of the broker fault's burst (issue 17: "one broker killed in the middle of 5,000 intakes"). */
    private static final int INTAKES = 5_000;

    private static LocalSystem system;
    private static LocalSystem.Settings settings;
    private static Gateway desk;
    private static final Set<String> acknowledged = Collections.synchronizedSet(new HashSet<>());
    /** The number of every complaint acknowledged in any of the tests, by id: each is a phone call for the duty log. */
    private static final Map<String, String> numbers = new java.util.concurrent.ConcurrentHashMap<>();

    @BeforeAll
    static void startCluster() {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Path dataDir = root.resolve("deploy/target/cluster-" + UUID.randomUUID().toString().substring(0, 8));
        List<LocalSystem.Service> services = LocalSystem.Settings.allServices(GATEWAY_PORT).stream()
                .filter(s -> Set.of("complaint-service", "dutylog-service", "gateway").contains(s.name())).toList();
        LocalSystem.Settings cluster = new LocalSystem.Settings(root, dataDir, POSTGRES_PORT, KAFKA_PORT, null, "kefu",
                "kefu", null, services).notDurable().unsupervised().clustered(LocalSystem.SECOND_INSTANCE_OFFSET);
        cluster = new LocalSystem.Settings(cluster.root(), cluster.dataDir(), POSTGRES_PORT, KAFKA_PORT, null, "kefu",
                "kefu", null, cluster.services().stream().filter(s -> !s.process().equals("gateway-2")).toList(),
                false, false, 3);
        long begin = System.nanoTime();
        settings = cluster;
        system = new LocalSystem(cluster);
        Runtime.getRuntime().addShutdownHook(new Thread(system::close));
        system.start();
        System.out.printf("R6 cluster: 3 brokers, 2 complaint-service, 2 dutylog-service, 1 gateway up in %d s%n",
                Duration.ofNanos(System.nanoTime() - begin).toSeconds());
        desk = Gateway.signIn(system.gatewayUrl(), "desk");
    }

    @AfterAll
    static void stopCluster() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    @Order(1)
    @DisplayName("R6 both instances hold segments of the relay; one of complaint-service and one of dutylog-service killed mid-burst: no acknowledged intake lost, the survivor holds every segment")
    void instanceKilledMidBurst() throws Exception {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(relayOwners().values()).containsExactly(2, 2));
        System.out.println("R6 relay segments before: " + relayOwners());
        // the phone complaints enter this page of the duty log, each once (D11), whichever instance takes them
        var shift = desk.post("/api/shifts", Map.of("post", "cluster-desk"));
        assertThat(shift.status()).as(String.valueOf(shift.body())).isEqualTo(201);

        AtomicInteger refused = new AtomicInteger();
        AtomicInteger sent = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            int client = c;
            done.add(clients.submit(() -> {
                for (int i = 0; i < 150; i++) {
                    sent.incrementAndGet();
                    var answer = desk.post("/api/complaints", Map.of("channel", "PHONE", "category", "FACILITY",
                            "severity", "NORMAL", "customer", Map.of("name", "Иван Петров", "phone", "+79141234567"),
                            "subject", "cluster " + client + "/" + i, "description", "3楼 A-1024"));
                    if (answer.status() == 201) {
                        acknowledged.add(answer.body().get("id").asText());
                        numbers.put(answer.body().get("id").asText(), answer.body().get("number").asText());
                    } else {
                        assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(503);
                        refused.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        await().atMost(Duration.ofSeconds(120)).until(() -> acknowledged.size() >= 100);
        system.kill("complaint-service-2");
        system.kill("dutylog-service-2");
        long killed = System.nanoTime();
        for (Future<?> client : done) {
            client.get(5, TimeUnit.MINUTES);
        }
        clients.shutdown();

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(relayOwners().values()).containsExactly(4));
        long takeover = Duration.ofNanos(System.nanoTime() - killed).toSeconds();
        Map<String, List<String>> copies = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2))
                .until(ClusterTest::registrationsOnTopic, onTopic -> onTopic.keySet().containsAll(acknowledged));
        long lost = acknowledged.stream().filter(id -> !copies.containsKey(id)).count();
        long republished = copies.values().stream().filter(ids -> ids.size() > 1).count();
        long twice = copies.values().stream().filter(ids -> Set.copyOf(ids).size() > 1).count();
        System.out.printf("R6 instance killed: %d sent, %d acknowledged, %d refused (503), %d lost, %d published again "
                + "by the survivor's relay (the same event, same id: consumers apply it once), %d registered twice; "
                + "the survivor held every segment %d s after the kill%n",
                sent.get(), acknowledged.size(), refused.get(), lost, republished, twice, takeover);
        assertThat(lost).isZero();
        assertThat(twice).isZero();
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    @Order(2)
    @DisplayName("R6 one broker killed in the middle of 5,000 intakes: intakes are still acknowledged, and published, "
            + "none twice")
    void brokerKilled() throws Exception {
        Burst burst = Burst.start(4, "broker down");
        burst.awaitAcknowledged(INTAKES / 2);
        system.kill("kafka-3");
        int before = burst.acknowledged.size();
        burst.awaitAcknowledged(INTAKES);
        burst.stop();
        Map<String, List<String>> copies = burst.awaitPublished();
        long twice = burst.registeredTwice(copies);
        System.out.printf("R6 broker killed mid-burst: %d acknowledged (%d after the kill), %d held back by the rate limit "
                + "(429), other answers %s, %d lost, %d published more than once, %d registered twice%n",
                burst.acknowledged.size(), burst.acknowledged.size() - before, burst.throttled.get(), burst.others,
                burst.acknowledged.stream().filter(id -> !copies.containsKey(id)).count(),
                burst.acknowledged.stream().filter(id -> copies.get(id).size() > 1).count(), twice);
        assertThat(burst.others).as("answers other than 201 and 429").isEmpty();
        assertThat(twice).isZero();
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    @Order(3)
    @DisplayName("R6 two brokers down (one killed, one paused for 20 s): intakes still land in the event store, the "
            + "relay waits and, the broker back, publishes every one, none twice")
    void twoBrokersDown() throws Exception {
        Burst burst = Burst.start(4, "two brokers down");
        burst.awaitAcknowledged(20);
        system.pause("kafka-2");
        int beforePause = burst.acknowledged.size();
        Thread.sleep(20_000);
        int whilePaused = burst.acknowledged.size() - beforePause;
        system.resume("kafka-2");
        burst.awaitAcknowledged(burst.acknowledged.size() + 20);
        burst.stop();

        Set<String> stored = storedRegistrations(burst.acknowledged);
        Map<String, List<String>> copies = burst.awaitPublished();
        long twice = burst.registeredTwice(copies);
        System.out.printf("R6 two brokers down for 20 s: %d acknowledged (%d while only one broker ran), %d held back "
                + "by the rate limit (429), other answers %s, %d not in the event store, %d not published, %d "
                + "registered twice%n", burst.acknowledged.size(), whilePaused, burst.throttled.get(), burst.others,
                burst.acknowledged.size() - stored.size(),
                burst.acknowledged.stream().filter(id -> !copies.containsKey(id)).count(), twice);
        assertThat(whilePaused).as("intakes acknowledged while two brokers were down").isPositive();
        assertThat(stored).containsExactlyInAnyOrderElementsOf(burst.acknowledged);
        assertThat(twice).isZero();
        assertThat(burst.others.keySet()).as("answers other than 201").isSubsetOf(503);
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    @Order(4)
    @DisplayName("R6 PostgreSQL stopped for 10 s mid-burst: clients get 503 with Retry-After while it is down (no hang, "
            + "no 500); every acknowledged intake is stored and published once after it returns")
    void postgresStopped() throws Exception {
        Burst burst = Burst.start(4, "database down");
        burst.awaitAcknowledged(20);
        system.stopPostgres();
        long stopped = System.nanoTime();
        Thread.sleep(10_000);
        system.startPostgres();
        long down = Duration.ofNanos(System.nanoTime() - stopped).toSeconds();
        int back = burst.acknowledged.size();
        burst.awaitAcknowledged(back + 20);
        burst.stop();

        Set<String> stored = storedRegistrations(burst.acknowledged);
        Map<String, List<String>> copies = burst.awaitPublished();
        long twice = burst.registeredTwice(copies);
        System.out.printf("R6 PostgreSQL down for %d s: %d acknowledged, %d held back by the rate limit (429), other "
                + "answers %s (%d of them without Retry-After), slowest answer %d ms, %d not in the event store, %d not "
                + "published, %d registered twice%n", down, burst.acknowledged.size(), burst.throttled.get(),
                burst.others, burst.withoutRetryAfter.get(),
                burst.slowest.get(), burst.acknowledged.size() - stored.size(),
                burst.acknowledged.stream().filter(id -> !copies.containsKey(id)).count(), twice);
        assertThat(burst.others.keySet()).as("answers other than 201").containsOnly(503);
        assertThat(burst.withoutRetryAfter.get()).isZero();
        assertThat(stored).containsExactlyInAnyOrderElementsOf(burst.acknowledged);
        assertThat(twice).isZero();
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    @Order(5)
    @DisplayName("R6 D11 downstream, after every fault above: each phone complaint acknowledged is in the duty log once")
    void everyCallInTheDutyLogOnce() throws Exception {
        Map<String, Integer> entries = await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(2))
                .until(ClusterTest::callsInTheDutyLog, inLog -> inLog.keySet().containsAll(numbers.values()));
        long twice = numbers.values().stream().filter(number -> entries.get(number) > 1).count();
        System.out.printf("R6 downstream: %d complaints acknowledged in all, %d missing from the duty log, %d entered "
                + "twice%n", numbers.size(), numbers.values().stream().filter(n -> !entries.containsKey(n)).count(),
                twice);
        assertThat(twice).isZero();
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    @Order(6)
    @DisplayName("R6 downstream, after every fault above: the managers' dashboard counts each registered complaint once")
    void dashboardCountsEachComplaintOnce() throws Exception {
        int registered = counts("complaint", "select 'all', count(distinct aggregate_identifier) from "
                + "domain_event_entry where sequence_number = 0 and type = 'Complaint'").getOrDefault("all", 0);
        Gateway head = Gateway.signIn(system.gatewayUrl(), "head");
        JsonNode open = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            try (Gateway.EventStream stream = head.stream("/api/streams/dashboard")) {
                assertThat(stream.status()).isEqualTo(200);
                JsonNode figures = stream.next(Duration.ofSeconds(10)).data();
                return figures.path("complete").asBoolean() ? figures.path("openComplaints") : null;
            }
        }, figures -> figures != null && figures.path("byState").path("RECEIVED").asInt() >= registered);
        System.out.printf("R6 downstream: %d complaints registered in the event store (%d acknowledged), the "
                + "dashboard counts %d received%n", registered, numbers.size(), open.path("byState").path("RECEIVED")
                .asInt());
        assertThat(registered).isGreaterThanOrEqualTo(numbers.size());
        assertThat(open.path("byState").path("RECEIVED").asInt()).as("received complaints on the dashboard")
                .isEqualTo(registered);
    }

    @Test
    @Execution(ExecutionMode.SAME_THREAD)
    @Order(7)
    @DisplayName("R6 C5 a department's live stream tells each assignment once while an instance of complaint-service "
            + "dies in the middle of them and the survivor's relay publishes again what the dead one had sent")
    void departmentStreamTellsEachAssignmentOnce() throws Exception {
        LocalSystem.Service second = settings.services().stream()
                .filter(s -> s.process().equals("complaint-service-2")).findFirst().orElseThrow();
        system.startService(second);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(relayOwners().values()).containsExactly(2, 2));
        Gateway afterSales = Gateway.signIn(system.gatewayUrl(), "aftersales");
        Gateway security = Gateway.signIn(system.gatewayUrl(), "security");
        List<String> toAssign = new ArrayList<>(numbers.keySet()).subList(0, 200);
        Map<String, Integer> told = new java.util.concurrent.ConcurrentHashMap<>();
        Set<String> assigned = Collections.synchronizedSet(new HashSet<>());
        try (Gateway.EventStream stream = security.stream("/api/streams/departments/security")) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.next(Duration.ofSeconds(10)).name()).isEqualTo("subscribed");
            ExecutorService clients = Executors.newFixedThreadPool(4);
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                List<String> mine = toAssign.subList(c * 50, c * 50 + 50);
                done.add(clients.submit(() -> {
                    for (String id : mine) {
                        var answer = afterSales.post("/api/complaints/" + id + "/assign",
                                Map.of("department", "security"));
                        if (answer.status() == 200) {
                            assigned.add(id);
                        } else {
                            assertThat(answer.status()).as(String.valueOf(answer.body())).isIn(429, 503);
                        }
                        if (answer.status() == 429) {
                            Thread.sleep(1000L * Long.parseLong(answer.retryAfter()));
                        }
                    }
                    return null;
                }));
            }
            await().atMost(Duration.ofSeconds(120)).until(() -> assigned.size() >= 50);
            system.kill("complaint-service-2");
            for (Future<?> client : done) {
                client.get(5, TimeUnit.MINUTES);
            }
            clients.shutdown();
            // the survivor takes the dead one's relay segments and sends again what it may have sent already
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                    assertThat(relayOwners().values()).containsExactly(4));
            // then reads on for 15 s more, and at most 3 minutes in all, for a notice told again
            long quietUntil = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while ((!told.keySet().containsAll(assigned) || System.nanoTime() < quietUntil)
                    && System.nanoTime() < deadline) {
                Gateway.Event event = stream.poll(Duration.ofSeconds(1));
                if (event != null && event.name().equals("complaint-assigned")) {
                    told.merge(event.data().get("complaintId").asText(), 1, Integer::sum);
                }
            }
        }
        long twice = told.values().stream().filter(count -> count > 1).count();
        Map<String, List<String>> copies = copiesOnTopic("ComplaintAssigned");
        System.out.printf("R6 department stream: %d assignments acknowledged while complaint-service-2 died, %d told "
                + "to the department, %d missing, %d told twice; %d of the assignments are on the topic more than "
                + "once (published again by the survivor's relay)%n", assigned.size(), told.size(),
                assigned.stream().filter(id -> !told.containsKey(id)).count(), twice,
                told.keySet().stream().filter(id -> copies.getOrDefault(id, List.of()).size() > 1).count());
        assertThat(told.keySet()).containsAll(assigned);
        assertThat(twice).isZero();
    }

    /** The duty log's complaint calls (D11), by the complaint's number: how many entries each made. */
    private static Map<String, Integer> callsInTheDutyLog() throws Exception {
        return counts("dutylog", "select reference, count(*) from shift_entry_view "
                + "where category = 'COMPLAINT_CALL' group by reference");
    }

    /** Clients registering complaints through the gateway until stopped: what was acknowledged, what else came back. */
    private static final class Burst {

        final Set<String> acknowledged = Collections.synchronizedSet(new HashSet<>());
        final Map<Integer, Integer> others = Collections.synchronizedMap(new TreeMap<>());
        final AtomicInteger withoutRetryAfter = new AtomicInteger();
        final AtomicInteger throttled = new AtomicInteger();
        final AtomicLong slowest = new AtomicLong();
        private final AtomicBoolean going = new AtomicBoolean(true);
        private final ExecutorService clients;
        private final List<Future<?>> done = new ArrayList<>();

        private Burst(int clientCount) {
            clients = Executors.newFixedThreadPool(clientCount);
        }

        static Burst start(int clientCount, String label) {
            Burst burst = new Burst(clientCount);
            for (int c = 0; c < clientCount; c++) {
                int client = c;
                burst.done.add(burst.clients.submit(() -> {
                    for (int i = 0; burst.going.get(); i++) {
                        long begin = System.nanoTime();
                        var answer = desk.post("/api/complaints", Map.of("channel", "PHONE", "category", "FACILITY",
                                "severity", "NORMAL", "customer", Map.of("name", "Иван Петров", "phone", "+79141234567"),
                                "subject", label + " " + client + "/" + i, "description", "3楼 A-1024"));
                        burst.slowest.accumulateAndGet(Duration.ofNanos(System.nanoTime() - begin).toMillis(), Math::max);
                        if (answer.status() == 201) {
                            burst.acknowledged.add(answer.body().get("id").asText());
                            numbers.put(answer.body().get("id").asText(), answer.body().get("number").asText());
                        } else if (answer.status() == 429) {
                            // the gateway's rate limit for the user: a well-behaved client waits as told
                            burst.throttled.incrementAndGet();
                            Thread.sleep(1000L * Long.parseLong(answer.retryAfter()));
                        } else {
                            burst.others.merge(answer.status(), 1, Integer::sum);
                            if (answer.retryAfter() == null) {
                                burst.withoutRetryAfter.incrementAndGet();
                            }
                            Thread.sleep(200);
                        }
                    }
                    return null;
                }));
            }
            return burst;
        }

        void awaitAcknowledged(int count) {
            await().atMost(Duration.ofSeconds(600)).pollInterval(Duration.ofMillis(200))
                    .until(() -> acknowledged.size() >= count);
        }

        /** Waits until every intake acknowledged is on complaint.events: each registration's copies, by envelope id. */
        Map<String, List<String>> awaitPublished() {
            return await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(2))
                    .until(ClusterTest::registrationsOnTopic, onTopic -> onTopic.keySet().containsAll(acknowledged));
        }

        /** Acknowledged intakes registered twice: two different events, not one published again. */
        long registeredTwice(Map<String, List<String>> copies) {
            return acknowledged.stream().filter(id -> Set.copyOf(copies.get(id)).size() > 1).count();
        }

        void stop() throws Exception {
            going.set(false);
            for (Future<?> client : done) {
                client.get(2, TimeUnit.MINUTES);
            }
            clients.shutdown();
        }
    }

    /** Which of these complaints have their registration in complaint-service's event store. */
    private static Set<String> storedRegistrations(Set<String> ids) throws Exception {
        Set<String> stored = new HashSet<>();
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + POSTGRES_PORT + "/complaint",
                "kefu", "kefu");
             var select = db.prepareStatement("select aggregate_identifier from domain_event_entry "
                     + "where sequence_number = 0 and aggregate_identifier = any (?)")) {
            select.setArray(1, db.createArrayOf("varchar", ids.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    stored.add(rows.getString(1));
                }
            }
        }
        return stored;
    }

    /** Segments of complaint-service's relay claimed, by owner. */
    private static Map<String, Integer> relayOwners() throws Exception {
        return counts("complaint", "select owner, count(*) from token_entry "
                + "where processor_name = 'kafka-relay' and owner is not null group by owner");
    }

    /** A {@code select key, count(*) … group by key} in one of the cluster's databases, as a map. */
    private static Map<String, Integer> counts(String database, String query) throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + POSTGRES_PORT + "/"
                + database, "kefu", "kefu"); Statement sql = db.createStatement();
             ResultSet rows = sql.executeQuery(query)) {
            while (rows.next()) {
                counts.put(rows.getString(1), rows.getInt(2));
            }
        }
        return counts;
    }

    /**
     * The envelope ids of each complaint's registration on complaint.events (its first event), one per copy: the relay
     * publishes at least once, so a copy may repeat, but a registration applied twice would be two events.
     */
    private static Map<String, List<String>> registrationsOnTopic() {
        return copiesOnTopic("ComplaintReceived");
    }

    /** The envelope ids of each complaint's events of {@code type} on complaint.events, one per copy. */
    private static Map<String, List<String>> copiesOnTopic(String type) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, system.bootstrap());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        Map<String, List<String>> copies = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor("complaint.events").stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
                    JsonNode envelope = JSON.readTree(record.value());
                    if (envelope.path("type").asText().equals(type)) {
                        copies.computeIfAbsent(envelope.get("aggregateId").asText(), id -> new ArrayList<>())
                                .add(envelope.get("id").asText());
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return copies;
    }
}
