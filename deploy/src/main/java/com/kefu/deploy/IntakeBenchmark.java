package com.kefu.deploy;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Measures complaint intake against what the same PostgreSQL appends on its own, in one run on one machine
 * (only ratios measured together mean anything on 2 shared cores):
 * <ol>
 *   <li>baseline: {@code clients} JDBC connections, each appending one ~1 KB event row per transaction;</li>
 *   <li>intake: {@code clients} HTTP clients registering complaints through the gateway, then directly at
 *   complaint-service (after a warm-up);</li>
 *   <li>relay: how long until every registered complaint is on {@code complaint.events};</li>
 *   <li>memory: resident size of every process.</li>
 * </ol>
 * Run it with {@code deploy/bench/intake.sh}; settings: BENCH_CLIENTS (16), BENCH_SECONDS (20), BENCH_WARMUP (10).
 */
public final class IntakeBenchmark {

    private static final Pattern TOKEN = Pattern.compile("\"access_token\":\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private IntakeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int clients = Integer.parseInt(System.getenv().getOrDefault("BENCH_CLIENTS", "16"));
        int seconds = Integer.parseInt(System.getenv().getOrDefault("BENCH_SECONDS", "20"));
        int warmup = Integer.parseInt(System.getenv().getOrDefault("BENCH_WARMUP", "10"));
        Path root = Path.of(System.getProperty("kefu.root", ".")).toAbsolutePath().normalize();
        Path dataDir = root.resolve("deploy/target/bench-" + System.currentTimeMillis());
        List<String> needed = List.of("complaint-service", "gateway");
        var services = LocalSystem.Settings.allServices(28080).stream()
                .filter(service -> needed.contains(service.name())).toList();
        var settings = new LocalSystem.Settings(root, dataDir, 28432, 28092, null, "kefu", "kefu", null, services)
                .notDurable() // as the baseline it is compared with; the postgres line says so
                .unsupervised(); // a process that dies shows in the figures, not hidden by a restart

        try (LocalSystem system = new LocalSystem(settings)) {
            System.out.println("starting the system in " + dataDir);
            system.start();

            System.out.printf("%nbaseline: PostgreSQL appending 1 KB event rows, %d connections, %d s%n", clients,
                    seconds);
            double baseline = postgresAppends(settings, clients, seconds);
            System.out.printf("  %.0f appends/s%n", baseline);

            String token = login(system.gatewayUrl());
            String direct = "http://127.0.0.1:" + services.get(0).port();
            System.out.printf("%nintake: POST /api/complaints, %d clients, warm-up %d s%n", clients, warmup);
            intake(system.gatewayUrl(), token, clients, warmup);
            long before = publishedCount(system.bootstrap());
            int registered = 0;
            for (String target : List.of(system.gatewayUrl(), direct)) {
                Result result = intake(target, token, clients, seconds);
                registered += result.count();
                System.out.printf("  %-27s %6d in %d s: %5.0f/s (%.1f%% of the baseline); latency p50 %.1f ms, "
                                + "p99 %.1f ms; %d errors%n",
                        target.equals(direct) ? "directly at the service:" : "through the gateway:",
                        result.count(), seconds, result.perSecond(seconds),
                        100 * result.perSecond(seconds) / baseline, result.percentile(50), result.percentile(99),
                        result.errors());
            }

            long drainStart = System.nanoTime();
            long target = before + registered;
            long published = before;
            while (published < target && System.nanoTime() - drainStart < Duration.ofMinutes(5).toNanos()) {
                Thread.sleep(200);
                published = publishedCount(system.bootstrap());
            }
            System.out.printf("%nrelay: all %d events on complaint.events %.1f s after the load ended%s%n",
                    registered, (System.nanoTime() - drainStart) / 1e9,
                    published < target ? " (NOT all: " + (target - published) + " missing)" : "");

            System.out.println("\nmemory (resident set size):");
            for (Map.Entry<String, Long> process : system.pids().entrySet()) {
                System.out.printf("  %-18s %5d MiB%n", process.getKey(), residentMib(process.getValue()));
            }
        }
    }

    record Result(int count, int errors, long[] latenciesNanos) {

        double perSecond(int seconds) {
            return (double) count / seconds;
        }

        double percentile(int p) {
            if (latenciesNanos.length == 0) {
                return 0;
            }
            long[] sorted = latenciesNanos.clone();
            Arrays.sort(sorted);
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
        }
    }

    private static Result intake(String gateway, String token, int clients, int seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Future<long[]>> futures = new ArrayList<>();
        int[] errors = new int[clients];
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                while (System.nanoTime() < end) {
                    long start = System.nanoTime();
                    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                                    URI.create(gateway + "/api/complaints"))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(complaint())).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 201) {
                        latencies.add(System.nanoTime() - start);
                    } else {
                        errors[client]++;
                    }
                }
                return latencies.stream().mapToLong(Long::longValue).toArray();
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> future : futures) {
            all.add(future.get());
        }
        pool.shutdown();
        long[] latencies = all.stream().flatMapToLong(Arrays::stream).toArray();
        return new Result(latencies.length, Arrays.stream(errors).sum(), latencies);
    }

    public static String complaint() {
        String[] channels = {"PHONE", "VISIT", "ONLINE", "LETTER"};
        return """
                {"channel":"%s","category":"SERVICE_ATTITUDE","severity":"NORMAL",
                 "customer":{"name":"王芳","phone":"138%08d"},
                 "subject":"售货员态度恶劣 / грубый продавец %s","description":"%s"}"""
                .formatted(channels[ThreadLocalRandom.current().nextInt(channels.length)],
                        ThreadLocalRandom.current().nextInt(100_000_000), UUID.randomUUID(), "说明".repeat(100));
    }

    private static String login(String gateway) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(gateway + "/api/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"desk\",\"password\":\"demo\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher token = TOKEN.matcher(response.body());
        if (!token.find()) {
            throw new IllegalStateException("login failed: " + response.body());
        }
        return token.group(1);
    }

    /** As the embedded server's superuser (trust on loopback), which may checkpoint between runs. */
    static double postgresAppends(LocalSystem.Settings settings, int clients, int seconds) throws Exception {
        String url = settings.databaseUrl("complaint");
        try (Connection setup = DriverManager.getConnection(url, "postgres", "");
             Statement sql = setup.createStatement()) {
            sql.execute("create table if not exists bench_event (id bigserial primary key, aggregate_id varchar(36) "
                    + "not null, seq bigint not null, payload bytea not null, unique (aggregate_id, seq))");
            sql.execute("truncate bench_event");
            sql.execute("checkpoint");
        }
        byte[] payload = new byte[1024];
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Future<Integer>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                int count = 0;
                try (Connection connection = DriverManager.getConnection(url, "postgres", "");
                     PreparedStatement insert = connection.prepareStatement(
                             "insert into bench_event (aggregate_id, seq, payload) values (?, 0, ?)")) {
                    while (System.nanoTime() < end) {
                        insert.setString(1, UUID.randomUUID().toString());
                        insert.setBytes(2, payload);
                        insert.executeUpdate();
                        count++;
                    }
                }
                return count;
            }));
        }
        int total = 0;
        for (Future<Integer> future : futures) {
            total += future.get();
        }
        pool.shutdown();
        try (Connection cleanup = DriverManager.getConnection(url, "postgres", "");
             Statement sql = cleanup.createStatement()) {
            sql.execute("drop table bench_event");
        }
        return (double) total / seconds;
    }

    private static long publishedCount(String bootstrap) throws Exception {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(config)) {
            var partitions = admin.describeTopics(List.of("complaint.events")).allTopicNames().get()
                    .get("complaint.events").partitions().stream()
                    .map(p -> new TopicPartition("complaint.events", p.partition()))
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
            return admin.listOffsets(partitions).all().get().values().stream()
                    .mapToLong(info -> info.offset()).sum();
        } catch (java.util.concurrent.ExecutionException e) {
            return 0; // the topic does not exist yet: nothing published
        }
    }

    private static long residentMib(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024)
                    .findFirst().orElse(-1L);
        } catch (Exception e) {
            return -1;
        }
    }
}
