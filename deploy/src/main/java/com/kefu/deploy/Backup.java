package com.kefu.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Backup and restore of the local system (deploy/local/backup.sh, restore.sh), with only Java.
 * <p>
 * <b>Backup</b>, while the system runs: a physical base backup of the embedded PostgreSQL through its low-level API
 * ({@code pg_start_backup} / {@code pg_stop_backup}, non-exclusive, a temporary replication slot keeping the WAL it needs
 * meanwhile): the data folder copied as it is, the backup label PostgreSQL hands back, and the WAL from the backup's
 * start to its end, so that the copy recovers to one consistent instant of every database at once (event stores,
 * views, tokens, processed events). And the topics that are the only copy of what they hold: the published chain
 * heads ({@code audit.chain-heads}, A1) and every dead-letter topic ({@code *.DLT}), each record as a JSON line. The
 * events' topics are not copied: the event stores are the record, and the relays publish them again.
 * <p>
 * <b>Restore</b>, while the system is stopped: the data folder's PostgreSQL and Kafka moved aside (not deleted), the
 * copy put in their place, the relays' positions cleared so that each service publishes every stored event again onto
 * the new broker's topics (consumers take each event once: they keep what they processed, in the restored databases),
 * and the copied topics written back. Then {@code up.sh} starts the system as it was at the backup.
 * <p>
 * For PostgreSQL and Kafka run elsewhere ({@code PG_URL}, {@code KAFKA_BOOTSTRAP}), use their own backups (README).
 */
public final class Backup {

    static final String CHAIN_HEADS = "audit.chain-heads";
    static final String RELAY = "kafka-relay";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern START_WAL = Pattern.compile("START WAL LOCATION: \\S+ \\(file ([0-9A-F]{24})\\)");
    /** Left out of a base backup, as PostgreSQL's documentation lists them: their folders are kept, empty. */
    private static final Set<String> EMPTIED = Set.of("pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify",
            "pg_serial", "pg_snapshots", "pg_stat_tmp", "pg_subtrans");
    private static final Set<String> SKIPPED = Set.of("postmaster.pid", "postmaster.opts", "backup_label",
            "tablespace_map", "epg-lock");

    private Backup() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("kefu.root", ".")).toAbsolutePath().normalize();
        LocalSystem.Settings settings = LocalSystem.Settings.fromEnvironment(root, System.getenv());
        if (args.length != 2 || !List.of("backup", "restore").contains(args[0])) {
            System.err.println("usage: backup.sh <folder> | restore.sh <folder>");
            System.exit(2);
        }
        if (settings.pgUrl() != null || settings.kafkaBootstrap() != null) {
            System.err.println("PG_URL or KAFKA_BOOTSTRAP is set: back up those servers with their own tools "
                    + "(pg_basebackup or the operator's backups, and the broker's replication); see the README");
            System.exit(2);
        }
        Path folder = Path.of(args[1]).toAbsolutePath();
        try {
            if (args[0].equals("backup")) {
                System.out.println(backup(settings, folder, Clock.systemUTC()).toPrettyString());
            } else {
                restore(settings, folder);
            }
        } catch (IllegalStateException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }

    /** Backs up the running system of {@code settings} into {@code folder} (new or empty); answers the manifest. */
    public static ObjectNode backup(LocalSystem.Settings settings, Path folder, Clock clock) throws Exception {
        try (Stream<Path> present = Files.exists(folder) ? Files.list(folder) : Stream.empty()) {
            if (present.findAny().isPresent()) {
                throw new IllegalStateException(folder + " is not empty: a backup goes into a new folder");
            }
        }
        Files.createDirectories(folder);
        ObjectNode manifest = JSON.createObjectNode();
        manifest.put("startedAt", clock.instant().toString());
        manifest.set("postgres", postgres(settings, folder.resolve("postgres")));
        manifest.set("topics", topics(settings.bootstrap(), folder.resolve("topics")));
        manifest.put("finishedAt", clock.instant().toString());
        Files.writeString(folder.resolve("manifest.json"), manifest.toPrettyString());
        return manifest;
    }

    /**
     * Restores {@code folder}'s backup into the stopped system of {@code settings}: its PostgreSQL and Kafka folders are
     * moved aside under {@code before-restore-<n>}, the backup's data put in place, the relays' positions cleared and
     * the copied topics written back (PostgreSQL and Kafka are started for that, then stopped).
     */
    public static void restore(LocalSystem.Settings settings, Path folder) throws Exception {
        JsonNode manifest = JSON.readTree(folder.resolve("manifest.json").toFile());
        Path data = settings.dataDir();
        if (ManagedProcess.livePid(data.resolve("run").resolve("supervisor.pid")).isPresent()
                || ManagedProcess.livePid(data.resolve("run").resolve("postgres.pid")).isPresent()) {
            throw new IllegalStateException("kefu is running with " + data + ": deploy/local/down.sh stops it first");
        }
        Path aside = data.resolve("before-restore-" + System.currentTimeMillis());
        for (String part : List.of("postgres", "kafka")) {
            if (Files.exists(data.resolve(part))) {
                Files.createDirectories(aside);
                Files.move(data.resolve(part), aside.resolve(part));
            }
        }
        copyTree(folder.resolve("postgres"), data.resolve("postgres"), path -> false);
        Files.setPosixFilePermissions(data.resolve("postgres"), PosixFilePermissions.fromString("rwx------"));
        System.out.println("the data as it was is kept in " + aside + " (delete it once the restore is checked)");

        LocalSystem infrastructure = new LocalSystem(new LocalSystem.Settings(settings.root(), data,
                settings.postgresPort(), settings.kafkaPort(), null, settings.pgUser(), settings.pgPassword(), null,
                settings.services(), settings.durable(), false, 1));
        try {
            infrastructure.startPostgres();
            for (JsonNode database : manifest.path("postgres").path("databases")) {
                clearRelay(settings, database.path("name").asText());
            }
            infrastructure.startKafka();
            writeTopics(settings.bootstrap(), manifest.path("topics"), folder.resolve("topics"));
        } finally {
            infrastructure.close();
        }
        System.out.println("restored " + folder + " into " + data + "; deploy/local/up.sh starts it: each service "
                + "publishes its stored events again, and every consumer takes each once");
    }

    // ---- PostgreSQL -----------------------------------------------------------------------------------------------

    private static ObjectNode postgres(LocalSystem.Settings settings, Path target) throws Exception {
        Path source = settings.dataDir().resolve("postgres");
        ObjectNode summary = JSON.createObjectNode();
        ArrayNode databases = summary.putArray("databases");
        for (LocalSystem.Service service : settings.services()) {
            if (!service.isGateway() && service.instance() == 1) {
                databases.add(eventsOf(settings, service.database()));
            }
        }
        try (Connection admin = DriverManager.getConnection(url(settings, "postgres"), "postgres", "");
             Statement sql = admin.createStatement()) {
            String slot = "kefu_backup_" + ProcessHandle.current().pid();
            sql.execute("select pg_create_physical_replication_slot('" + slot + "', true, true)");
            String startLsn = single(sql, "select pg_start_backup('kefu', true, false)");
            copyTree(source, target, path -> {
                Path relative = source.relativize(path);
                return relative.getNameCount() >= 2 && EMPTIED.contains(relative.getName(0).toString())
                        || relative.getNameCount() == 1 && SKIPPED.contains(relative.toString())
                        || relative.getFileName().toString().startsWith("pgsql_tmp");
            });
            String label;
            String map;
            String stopLsn;
            try (ResultSet stop = sql.executeQuery("select lsn, labelfile, spcmapfile from pg_stop_backup(false, false)")) {
                stop.next();
                stopLsn = stop.getString("lsn");
                label = stop.getString("labelfile");
                map = stop.getString("spcmapfile");
            }
            Files.writeString(target.resolve("backup_label"), label);
            if (map != null && !map.isBlank()) {
                Files.writeString(target.resolve("tablespace_map"), map);
            }
            Matcher start = START_WAL.matcher(label);
            if (!start.find()) {
                throw new IllegalStateException("PostgreSQL's backup label names no start WAL file:\n" + label);
            }
            String last = single(sql, "select pg_walfile_name('" + stopLsn + "')");
            List<String> wal = copyWal(source.resolve("pg_wal"), target.resolve("pg_wal"), start.group(1), last);
            summary.put("startLsn", startLsn);
            summary.put("stopLsn", stopLsn);
            summary.put("walFiles", wal.size());
        }
        return summary;
    }

    /** The WAL segments from {@code first} to {@code last} (inclusive, one timeline), copied while the slot holds them. */
    private static List<String> copyWal(Path from, Path to, String first, String last) throws IOException {
        Files.createDirectories(to);
        List<String> copied = new ArrayList<>();
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.matches("[0-9A-F]{24}") && name.compareTo(first) >= 0 && name.compareTo(last) <= 0) {
                    Files.copy(file, to.resolve(name), StandardCopyOption.COPY_ATTRIBUTES);
                    copied.add(name);
                }
            }
        }
        if (copied.isEmpty() || !copied.get(0).equals(first) || !copied.get(copied.size() - 1).equals(last)) {
            throw new IllegalStateException("the WAL from " + first + " to " + last + " is not all there: " + copied);
        }
        return copied;
    }

    /** How many events the database's store holds, and its last global index: what a restore must show again. */
    private static ObjectNode eventsOf(LocalSystem.Settings settings, String database) throws SQLException {
        ObjectNode node = JSON.createObjectNode().put("name", database);
        try (Connection connection = DriverManager.getConnection(url(settings, database), settings.pgUser(),
                settings.pgPassword()); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("select count(*), coalesce(max(global_index), -1) "
                     + "from domain_event_entry")) {
            rows.next();
            node.put("events", rows.getLong(1)).put("lastGlobalIndex", rows.getLong(2));
        } catch (SQLException e) {
            if (!noSuchTable(e)) {
                throw e;
            }
            node.put("events", 0).put("lastGlobalIndex", -1); // a service without an event store (audit-service)
        }
        return node;
    }

    private static void clearRelay(LocalSystem.Settings settings, String database) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url(settings, database), settings.pgUser(),
                settings.pgPassword()); Statement sql = connection.createStatement()) {
            int cleared = sql.executeUpdate("delete from token_entry where processor_name = '" + RELAY + "'");
            System.out.println("  " + database + ": the relay publishes every stored event again (" + cleared
                    + " position(s) cleared)");
        } catch (SQLException e) {
            if (!noSuchTable(e)) { // no token_entry: a service that publishes nothing
                throw e;
            }
        }
    }

    /** PostgreSQL's "undefined table": the database of a service without an event store. */
    private static boolean noSuchTable(SQLException e) {
        return "42P01".equals(e.getSQLState());
    }

    private static String url(LocalSystem.Settings settings, String database) {
        return "jdbc:postgresql://127.0.0.1:" + settings.postgresPort() + "/" + database;
    }

    private static String single(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private interface Skip {
        boolean test(Path path);
    }

    /**
     * Copies {@code from} to {@code to}, but what is skipped (a folder skipped with all it holds); a file gone meanwhile
     * is passed over.
     */
    private static void copyTree(Path from, Path to, Skip skip) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                if (skip.test(dir)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                if (!skip.test(file)) {
                    try {
                        Files.copy(file, to.resolve(from.relativize(file).toString()),
                                StandardCopyOption.REPLACE_EXISTING);
                    } catch (NoSuchFileException e) {
                        // dropped while copied (a temporary file): the WAL replays what the server did instead
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
    }

    // ---- Kafka ----------------------------------------------------------------------------------------------------

    /** The topics that are the only copy of their records, each into {@code <topic>.jsonl}, with its settings. */
    private static ArrayNode topics(String bootstrap, Path folder) throws Exception {
        Files.createDirectories(folder);
        ArrayNode topics = JSON.createArrayNode();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            List<String> names = admin.listTopics().names().get().stream()
                    .filter(name -> name.equals(CHAIN_HEADS) || name.endsWith(".DLT")).sorted().toList();
            Map<String, TopicDescription> descriptions = admin.describeTopics(names).allTopicNames().get();
            for (String name : names) {
                Config config = admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, name)))
                        .all().get().values().iterator().next();
                ObjectNode topic = topics.addObject().put("name", name)
                        .put("partitions", descriptions.get(name).partitions().size());
                ObjectNode settings = topic.putObject("configs");
                for (ConfigEntry entry : config.entries()) {
                    if (entry.source() == ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG) {
                        settings.put(entry.name(), entry.value());
                    }
                }
                topic.put("records", copyTopic(bootstrap, name, descriptions.get(name).partitions().size(),
                        folder.resolve(name + ".jsonl")));
            }
        }
        return topics;
    }

    private static long copyTopic(String bootstrap, String topic, int partitions, Path file) throws IOException {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        long records = 0;
        Base64.Encoder base64 = Base64.getEncoder();
        try (var consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
             BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            List<TopicPartition> all = new ArrayList<>();
            for (int partition = 0; partition < partitions; partition++) {
                all.add(new TopicPartition(topic, partition));
            }
            consumer.assign(all);
            consumer.seekToBeginning(all);
            Map<TopicPartition, Long> ends = consumer.endOffsets(all);
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (all.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within 5 minutes");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    ObjectNode line = JSON.createObjectNode().put("partition", record.partition())
                            .put("offset", record.offset()).put("timestamp", record.timestamp());
                    line.put("key", record.key() == null ? null : base64.encodeToString(record.key()));
                    line.put("value", record.value() == null ? null : base64.encodeToString(record.value()));
                    ObjectNode headers = line.putObject("headers");
                    for (Header header : record.headers()) {
                        headers.put(header.key(), header.value() == null ? null
                                : base64.encodeToString(header.value()));
                    }
                    out.write(JSON.writeValueAsString(line));
                    out.newLine();
                    records++;
                }
            }
        }
        return records;
    }

    /** Creates each copied topic with its settings and writes its records back, in order, to the same partitions. */
    private static void writeTopics(String bootstrap, JsonNode topics, Path folder) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            List<NewTopic> missing = new ArrayList<>();
            Set<String> present = admin.listTopics().names().get();
            for (JsonNode topic : topics) {
                if (!present.contains(topic.path("name").asText())) {
                    Map<String, String> configs = new LinkedHashMap<>();
                    topic.path("configs").fields().forEachRemaining(entry -> configs.put(entry.getKey(),
                            entry.getValue().asText()));
                    missing.add(new NewTopic(topic.path("name").asText(), topic.path("partitions").asInt(),
                            (short) 1).configs(configs));
                }
            }
            try {
                admin.createTopics(missing).all().get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("cannot create the copied topics: " + e.getCause().getMessage(), e);
            }
        }
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        Base64.Decoder base64 = Base64.getDecoder();
        try (var producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (JsonNode topic : topics) {
                String name = topic.path("name").asText();
                List<String> lines = Files.readAllLines(folder.resolve(name + ".jsonl"), StandardCharsets.UTF_8);
                List<JsonNode> records = new ArrayList<>();
                for (String line : lines) {
                    records.add(JSON.readTree(line));
                }
                records.sort(Comparator.comparingInt((JsonNode r) -> r.path("partition").asInt())
                        .thenComparingLong(r -> r.path("offset").asLong()));
                for (JsonNode record : records) {
                    ProducerRecord<byte[], byte[]> copy = new ProducerRecord<>(name, record.path("partition").asInt(),
                            record.path("timestamp").asLong(), bytes(base64, record.path("key")),
                            bytes(base64, record.path("value")));
                    record.path("headers").fields().forEachRemaining(header -> copy.headers().add(header.getKey(),
                            bytes(base64, header.getValue())));
                    producer.send(copy);
                }
                producer.flush();
                System.out.println("  " + name + ": " + records.size() + " record(s) written back");
            }
        }
    }

    private static byte[] bytes(Base64.Decoder base64, JsonNode value) {
        return value == null || value.isNull() ? null : base64.decode(value.asText());
    }
}
