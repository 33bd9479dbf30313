package com.kefu.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 20's drill (OPS-BACKUP): data registered, backed up while the system runs, the system stopped and its data
 * wiped, the backup restored, the system started again — and every history, count and chain verification is as before:
 * zero events lost, none applied twice. complaint-service and dutylog-service on a system of their own (the complaints'
 * phone calls enter the duty log from the topic, D11), talked to directly with local tokens.
 */
class BackupDrillTest {

    private static final int PORT = 27080;
    private static final int POSTGRES_PORT = 27432;
    private static final int KAFKA_PORT = 27092;
    private static final int COMPLAINTS = 12;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static LocalSystem system;

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    @DisplayName("OPS-BACKUP backed up while running, wiped, restored: every history, count and chain verification as "
            + "before, the events published again and each taken once; what came after the backup is not there")
    void drill() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Path dataDir = root.resolve("deploy/target/backup-drill-" + UUID.randomUUID().toString().substring(0, 8));
        List<LocalSystem.Service> services = LocalSystem.Settings.allServices(PORT).stream()
                .filter(s -> Set.of("complaint-service", "dutylog-service").contains(s.name())).toList();
        LocalSystem.Settings settings = new LocalSystem.Settings(root, dataDir, POSTGRES_PORT, KAFKA_PORT, null, "kefu",
                "kefu", null, services).notDurable().unsupervised();
        system = new LocalSystem(settings).serviceJvmOptions("-XX:TieredStopAtLevel=1");
        system.start();
        Gateway desk = Gateway.as("http://127.0.0.1:" + (PORT + 1), "aftersales", "AFTER_SALES");
        Gateway deskAtDutylog = Gateway.as("http://127.0.0.1:" + (PORT + 2), "desk", "FRONT_DESK");
        Gateway auditor = Gateway.as("http://127.0.0.1:" + (PORT + 1), "auditor", "AUDITOR");
        Gateway dutylogAuditor = Gateway.as("http://127.0.0.1:" + (PORT + 2), "auditor", "AUDITOR");

        var shift = deskAtDutylog.post("/api/shifts", Map.of("post", "drill-desk"));
        assertThat(shift.status()).as(String.valueOf(shift.body())).isEqualTo(201);
        String shiftId = shift.body().get("id").asText();
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < COMPLAINTS; i++) {
            var answer = desk.post("/api/complaints", Map.of("channel", "PHONE", "category", "FACILITY",
                    "severity", "NORMAL", "customer", Map.of("name", "王芳", "phone", "13812345678"),
                    "subject", "drill " + i, "description", "3楼 A-1024"));
            assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(201);
            ids.add(answer.body().get("id").asText());
        }
        var assigned = desk.post("/api/complaints/" + ids.get(0) + "/assign", Map.of("department", "security"));
        assertThat(assigned.status()).as(String.valueOf(assigned.body())).isEqualTo(200);
        // D11 each phone call is an entry of the open page, once
        await().atMost(Duration.ofMinutes(2)).until(() -> calls(deskAtDutylog, shiftId) == COMPLAINTS);
        Set<String> published = await().atMost(Duration.ofMinutes(2)).until(this::publishedIds,
                found -> found.size() >= COMPLAINTS + 1);
        awaitConsumed("dutylog-service");

        Map<String, JsonNode> histories = histories(auditor, ids);
        JsonNode complaintChain = verify(auditor, "complaint");
        JsonNode dutylogChain = verify(dutylogAuditor, "dutylog");
        JsonNode page = deskAtDutylog.get("/api/shifts/" + shiftId).body();
        Map<String, Long> stores = stores();
        assertThat(complaintChain.get("intact").asBoolean()).isTrue();

        Path folder = dataDir.resolveSibling(dataDir.getFileName() + "-backup");
        JsonNode manifest = Backup.backup(settings, folder, Clock.systemUTC());
        System.out.println("OPS-BACKUP manifest: " + manifest);
        assertThat(manifest.path("postgres").path("walFiles").asInt()).isPositive();
        assertThat(Files.exists(folder.resolve("postgres").resolve("backup_label"))).isTrue();

        // written after the backup: not in it
        var after = desk.post("/api/complaints", Map.of("channel", "PHONE", "category", "FACILITY",
                "severity", "NORMAL", "customer", Map.of("name", "李雷", "phone", "13900001111"),
                "subject", "after the backup", "description", "B1"));
        assertThat(after.status()).isEqualTo(201);

        system.close();
        Backup.restore(settings, folder);
        try (var list = Files.list(dataDir)) {
            assertThat(list.map(p -> p.getFileName().toString())).as("the data as it was, moved aside")
                    .anyMatch(name -> name.startsWith("before-restore-"));
        }
        system = new LocalSystem(settings).serviceJvmOptions("-XX:TieredStopAtLevel=1");
        system.start();

        assertThat(stores()).as("events in each store").isEqualTo(stores);
        assertThat(verify(auditor, "complaint")).as("complaint's chain").isEqualTo(complaintChain);
        assertThat(histories(auditor, ids)).as("every history").isEqualTo(histories);
        assertThat(desk.get("/api/complaints/" + after.body().get("id").asText()).status())
                .as("registered after the backup").isEqualTo(404);
        // the relay publishes every stored event again onto the new broker; dutylog takes each once
        await().atMost(Duration.ofMinutes(2)).until(() -> publishedIds().containsAll(published));
        awaitConsumed("dutylog-service");
        assertThat(calls(deskAtDutylog, shiftId)).as("phone calls in the duty log, each once").isEqualTo(COMPLAINTS);
        assertThat(deskAtDutylog.get("/api/shifts/" + shiftId).body()).isEqualTo(page);
        assertThat(verify(dutylogAuditor, "dutylog")).as("dutylog's chain: nothing applied again")
                .isEqualTo(dutylogChain);
        System.out.printf("OPS-BACKUP drill: %d events in complaint's store and %d in dutylog's before and after, "
                        + "%d events published again, chains intact; 0 lost, 0 applied twice%n",
                stores.get("complaint"), stores.get("dutylog"), publishedIds().size());
    }

    private static int calls(Gateway desk, String shiftId) {
        int calls = 0;
        for (JsonNode entry : desk.get("/api/shifts/" + shiftId).body().path("entries")) {
            if (entry.path("category").asText().equals("COMPLAINT_CALL")) {
                calls++;
            }
        }
        return calls;
    }

    private static Map<String, JsonNode> histories(Gateway auditor, List<String> ids) {
        Map<String, JsonNode> histories = new LinkedHashMap<>();
        for (String id : ids) {
            var history = auditor.get("/api/complaints/" + id + "/history");
            assertThat(history.status()).isEqualTo(200);
            histories.put(id, history.body());
        }
        return histories;
    }

    /**
     * The chain's check, without the heads published meanwhile (one may be published at any time): the store's events,
     * its head, intact, nothing broken, and the store passing through every head it published (restored ones too).
     */
    private static JsonNode verify(Gateway auditor, String service) {
        var answer = auditor.get("/api/audit/" + service + "/verify");
        assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(200);
        JsonNode check = answer.body();
        assertThat(check.path("published").path("firstNotPassed").isMissingNode()
                || check.path("published").path("firstNotPassed").isNull()).as(check.toString()).isTrue();
        return JSON.createObjectNode().put("service", check.path("service").asText())
                .put("events", check.path("events").asLong()).put("head", check.path("head").asText())
                .put("intact", check.path("intact").asBoolean()).set("firstBroken", check.path("firstBroken"));
    }

    /** The events in each service's store. */
    private static Map<String, Long> stores() throws Exception {
        Map<String, Long> counts = new HashMap<>();
        for (String database : List.of("complaint", "dutylog")) {
            try (Connection db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + POSTGRES_PORT + "/"
                    + database, "kefu", "kefu"); Statement sql = db.createStatement();
                 ResultSet rows = sql.executeQuery("select count(*) from domain_event_entry")) {
                rows.next();
                counts.put(database, rows.getLong(1));
            }
        }
        return counts;
    }

    /** The envelope ids on complaint.events, from its beginning to its end now. */
    private Set<String> publishedIds() throws Exception {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, system.bootstrap());
        Set<String> ids = new HashSet<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor("complaint.events").stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
                    ids.add(JSON.readTree(record.value()).get("id").asText());
                }
            }
        }
        return ids;
    }

    /** Until {@code group} has taken every record of complaint.events there is now. */
    private static void awaitConsumed(String group) {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, system.bootstrap()))) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get();
                Properties config = new Properties();
                config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, system.bootstrap());
                try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
                    List<TopicPartition> partitions = consumer.partitionsFor("complaint.events").stream()
                            .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                    Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                    return partitions.stream().allMatch(p -> end.get(p) == 0 || committed.containsKey(p)
                            && committed.get(p).offset() >= end.get(p));
                }
            }
        });
    }
}
