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
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * R6 the cluster of {@code up.sh --cluster}, reduced to what the faults touch: three KRaft brokers, two instances of
 * complaint-service on one database, one gateway balancing between them (the other services and the second gateway are
 * left out to keep the test's time and memory down). Real processes on the cluster's own ports (gateway 26080, the
 * instances 26081 and 26091, PostgreSQL 26432, brokers 26092–26094), killed with {@code kill -9}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterTest {

    private static final int GATEWAY_PORT = 26080;
    private static final int POSTGRES_PORT = 26432;
    private static final int KAFKA_PORT = 26092;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static LocalSystem system;
    private static Gateway desk;
    private static final Set<String> acknowledged = Collections.synchronizedSet(new HashSet<>());

    @BeforeAll
    static void startCluster() {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Path dataDir = root.resolve("deploy/target/cluster-" + UUID.randomUUID().toString().substring(0, 8));
        List<LocalSystem.Service> services = LocalSystem.Settings.allServices(GATEWAY_PORT).stream()
                .filter(s -> s.name().equals("complaint-service") || s.name().equals("gateway")).toList();
        LocalSystem.Settings cluster = new LocalSystem.Settings(root, dataDir, POSTGRES_PORT, KAFKA_PORT, null, "kefu",
                "kefu", null, services).notDurable().unsupervised().clustered(LocalSystem.SECOND_INSTANCE_OFFSET);
        cluster = new LocalSystem.Settings(cluster.root(), cluster.dataDir(), POSTGRES_PORT, KAFKA_PORT, null, "kefu",
                "kefu", null, cluster.services().stream().filter(s -> !s.process().equals("gateway-2")).toList(),
                false, false, 3);
        long begin = System.nanoTime();
        system = new LocalSystem(cluster);
        Runtime.getRuntime().addShutdownHook(new Thread(system::close));
        system.start();
        System.out.printf("R6 cluster: 3 brokers, 2 complaint-service, 1 gateway up in %d s%n",
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
    @Order(1)
    @DisplayName("R6 both instances hold segments of the relay; one killed mid-burst: no acknowledged intake lost, the survivor holds every segment")
    void instanceKilledMidBurst() throws Exception {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(relayOwners().values()).containsExactly(2, 2));
        System.out.println("R6 relay segments before: " + relayOwners());

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
    @Order(2)
    @DisplayName("R6 one broker killed: intakes are still acknowledged and published")
    void brokerKilled() {
        system.kill("kafka-3");
        List<String> after = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            var answer = desk.post("/api/complaints", Map.of("channel", "PHONE", "category", "FACILITY",
                    "severity", "NORMAL", "customer", Map.of("name", "Иван Петров", "phone", "+79141234567"),
                    "subject", "broker down " + i, "description", "3楼 A-1024"));
            assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(201);
            after.add(answer.body().get("id").asText());
        }
        Map<String, List<String>> copies = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2))
                .until(ClusterTest::registrationsOnTopic, onTopic -> onTopic.keySet().containsAll(after));
        System.out.printf("R6 broker killed: %d acknowledged, %d lost, %d published more than once%n", after.size(),
                after.stream().filter(id -> !copies.containsKey(id)).count(),
                after.stream().filter(id -> copies.get(id).size() > 1).count());
        assertThat(after).allMatch(id -> Set.copyOf(copies.get(id)).size() == 1);
    }

    /** Segments of complaint-service's relay claimed, by owner. */
    private static Map<String, Integer> relayOwners() throws Exception {
        Map<String, Integer> owners = new HashMap<>();
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + POSTGRES_PORT + "/complaint",
                "kefu", "kefu"); Statement sql = db.createStatement();
             ResultSet rows = sql.executeQuery("select owner, count(*) from token_entry "
                     + "where processor_name = 'kafka-relay' and owner is not null group by owner")) {
            while (rows.next()) {
                owners.put(rows.getString(1), rows.getInt(2));
            }
        }
        return owners;
    }

    /**
     * The envelope ids of each complaint's registration on complaint.events (its first event), one per copy: the relay
     * publishes at least once, so a copy may repeat, but a registration applied twice would be two events.
     */
    private static Map<String, List<String>> registrationsOnTopic() {
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
                    if (envelope.path("sequence").asLong() == 0) {
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
