package com.kefu.deploy;

import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The whole path of a complaint, measured in one run against what the servers underneath do on their own (only ratios
 * measured together mean anything on shared cores). It starts its own system (PostgreSQL, Kafka, every service, the
 * gateway) on shifted ports and measures, in this order:
 * <ol>
 *   <li>P5 at rest: proportional set size of every process it started (PostgreSQL's too);</li>
 *   <li>P1 intake: complaints/s through the gateway and directly at complaint-service ÷ PostgreSQL's own append rate
 *   with as many connections (median of three runs), and the intake latency; then directly once more without the
 *   event chain's trigger and once with it again: what the chain (A1) costs the intake;</li>
 *   <li>P3 department latency: from an assignment's request to its event on the department's live stream, with
 *   registrations at half the gateway's intake rate going on, ÷ Kafka's own end-to-end p99 ({@code EndToEndLatency});</li>
 *   <li>P4 history: a complaint's history of {@code BENCH_HISTORY_EVENTS} events, through the gateway and directly,
 *   ÷ the plain JDBC select of its rows, read in turn once the relay and the consumers have caught up with the intake
 *   before (a read of one record, not a race with minutes of backlog: that tail is P1's and P3's);</li>
 *   <li>seeding: complaints driven through register, assign, acknowledge and resolve until the event store holds
 *   {@code BENCH_REPLAY_EVENTS} events;</li>
 *   <li>P2 replay: events/s of a projection's rebuild ÷ rows/s of a binary COPY of the event table;</li>
 *   <li>P5 under load: the largest proportional set size sampled during P1 to P2.</li>
 * </ol>
 * Prints a table and writes it as JSON ({@code BENCH_OUT}, default deploy/target/bench-path.json). Run it with
 * {@code deploy/bench/path.sh}.
 */
public final class PathBenchmark {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern TOKEN = Pattern.compile("\"access_token\":\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    private static final Pattern COMPLAINT_ID = Pattern.compile("\"complaintId\":\"([^\"]+)\"");
    private static final Pattern REPLAYING = Pattern.compile("\"replaying\":(true|false)");
    private static final Pattern KAFKA_PERCENTILES =
            Pattern.compile("Percentiles: 50th = (\\d+), 99th = (\\d+), 99.9th = (\\d+)");
    private static final Pattern KAFKA_AVERAGE = Pattern.compile("Avg latency: ([0-9.]+) ms");
    private static final String DEPARTMENT = "security";
    private static final long GIB = 1024L * 1024 * 1024;

    private PathBenchmark() {
    }

    /** The settings, from the environment. */
    record Options(int clients, int seconds, int warmup, int warmupMax, int baselineSeconds, long replayEvents,
                   String projection, int latencySamples, int historyEvents, int historyReads, int kafkaMessages,
                   Path out) {

        static Options from(Map<String, String> env, Path root) {
            return new Options(
                    Integer.parseInt(env.getOrDefault("BENCH_CLIENTS", "16")),
                    Integer.parseInt(env.getOrDefault("BENCH_SECONDS", "20")),
                    Integer.parseInt(env.getOrDefault("BENCH_WARMUP", "600")),
                    Integer.parseInt(env.getOrDefault("BENCH_WARMUP_MAX", "900")),
                    Integer.parseInt(env.getOrDefault("BENCH_BASELINE_SECONDS", "10")),
                    Long.parseLong(env.getOrDefault("BENCH_REPLAY_EVENTS", "100000")),
                    env.getOrDefault("BENCH_PROJECTION", "complaint-view"),
                    Integer.parseInt(env.getOrDefault("BENCH_LATENCY_SAMPLES", "300")),
                    Integer.parseInt(env.getOrDefault("BENCH_HISTORY_EVENTS", "200")),
                    Integer.parseInt(env.getOrDefault("BENCH_HISTORY_READS", "300")),
                    Integer.parseInt(env.getOrDefault("BENCH_KAFKA_MESSAGES", "5000")),
                    root.resolve(env.getOrDefault("BENCH_OUT", "deploy/target/bench-path.json")));
        }
    }

    /** Tokens of the local profile's users (password {@code demo}). */
    record Tokens(String desk, String afterSales, String department, String admin) {
    }

    /** A target: on the ratio or on the value itself, at least or at most {@code limit}. */
    record Target(boolean onRatio, boolean atLeast, double limit, String text) {

        boolean met(double value, Double ratio) {
            double measured = onRatio ? (ratio == null ? Double.NaN : ratio) : value;
            return atLeast ? measured >= limit : measured <= limit;
        }
    }

    /** One line of the table. */
    record Figure(String id, String name, double value, String unit, String detail, String baselineName,
                  Double baseline, String baselineUnit, Double ratio, Target target) {

        Boolean pass() {
            return target == null ? null : target.met(value, ratio);
        }
    }

    /** Latencies in nanoseconds; percentiles by nearest rank, in milliseconds. */
    record Latencies(long[] nanos) {

        static Latencies of(List<Long> values) {
            return new Latencies(values.stream().mapToLong(Long::longValue).sorted().toArray());
        }

        double ms(double percentile) {
            if (nanos.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(percentile / 100.0 * nanos.length);
            return nanos[Math.min(nanos.length - 1, Math.max(0, rank - 1))] / 1e6;
        }

        int count() {
            return nanos.length;
        }
    }

    record Intake(int count, int errors, Latencies latencies, int seconds) {

        double perSecond() {
            return (double) count / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        // the Kafka admin client's log4j (reload4j) has no configuration here: keep it quiet
        org.apache.log4j.Logger.getRootLogger().addAppender(new org.apache.log4j.varia.NullAppender());
        Path root = Path.of(System.getProperty("kefu.root", ".")).toAbsolutePath().normalize();
        Options options = Options.from(System.getenv(), root);
        // the one clock of the run: its data folder's stamp and the table's date
        Clock clock = Clock.systemDefaultZone();
        Path dataDir = root.resolve("deploy/target/bench-path-" + clock.millis());
        var services = LocalSystem.Settings.allServices(28080);
        var settings = new LocalSystem.Settings(root, dataDir, 28432, 28092, null, "kefu", "kefu", null, services)
                .notDurable() // as the baseline it is compared with; the postgres line says so
                .unsupervised(); // a process that dies shows in the figures, not hidden by a restart
        String direct = services.stream().filter(s -> s.name().equals("complaint-service")).findFirst()
                .map(s -> "http://127.0.0.1:" + s.port()).orElseThrow();
        String database = settings.databaseUrl("complaint");
        List<Figure> figures = new ArrayList<>();

        try (LocalSystem system = new LocalSystem(settings)) {
            System.out.println("starting the whole system in " + dataDir);
            system.start();
            String gateway = system.gatewayUrl();
            Tokens tokens = new Tokens(login(gateway, "desk"), login(gateway, "aftersales"), login(gateway, "security"),
                    login(gateway, "admin"));
            Memory memory = new Memory(system, dataDir.resolve("postgres"));

            Thread.sleep(10_000); // let the start-up's last work settle
            Map<String, Long> rest = memory.sample();
            System.out.printf("%nP5 at rest: %s%n", Memory.describe(rest));
            memory.startSampling();

            // P1: intake against PostgreSQL's own append rate
            System.out.printf("%nP1 baseline: PostgreSQL appending 1 KB event rows, %d connections, 3 × %d s%n",
                    options.clients(), options.baselineSeconds());
            List<Double> appends = new ArrayList<>();
            for (int run = 0; run < 3; run++) {
                appends.add(IntakeBenchmark.postgresAppends(settings, options.clients(), options.baselineSeconds()));
                System.out.printf("  run %d: %.0f appends/s%n", run + 1, appends.get(run));
            }
            double baseline = median(appends);
            System.out.printf("%nP1 intake: POST /api/complaints, %d clients, warm-up at least %d s, until steady "
                    + "(at most %d s)%n", options.clients(), options.warmup(), options.warmupMax());
            warmUp(gateway, tokens.desk(), options.clients(), options.warmup(), options.warmupMax());
            Map<String, Long> cpu = memory.cpu();
            Intake viaGateway = intake(gateway, tokens.desk(), options.clients(), options.seconds());
            report("through the gateway", viaGateway);
            String viaGatewayCpu = Memory.cpuPerItem(cpu, cpu = memory.cpu(), viaGateway.count());
            System.out.println("    CPU per complaint: " + viaGatewayCpu);
            Intake atService = intake(direct, tokens.desk(), options.clients(), options.seconds());
            report("directly at the service", atService);
            String atServiceCpu = Memory.cpuPerItem(cpu, memory.cpu(), atService.count());
            System.out.println("    CPU per complaint: " + atServiceCpu);
            // what the event chain (A1) costs the intake: direct again without its trigger, then with it again, so
            // that the runs with it stand on both sides of the one without (the JIT still warms between them)
            chainTrigger(database, false);
            Intake unchained;
            try {
                unchained = intake(direct, tokens.desk(), options.clients(), options.seconds());
            } finally {
                chainTrigger(database, true);
            }
            report("directly, without the event chain's trigger", unchained);
            Intake chainedAgain = intake(direct, tokens.desk(), options.clients(), options.seconds());
            report("directly, with it again", chainedAgain);
            double chained = (atService.perSecond() + chainedAgain.perSecond()) / 2;
            figures.add(new Figure("P1", "intake direct without the event chain", unchained.perSecond(), "/s",
                    "%d in %d s; with the chain before and after it: %.0f and %.0f/s (A1's cost)".formatted(
                            unchained.count(), unchained.seconds(), atService.perSecond(),
                            chainedAgain.perSecond()),
                    "intake direct with the chain (mean of the two)", chained, "/s", chained / unchained.perSecond(),
                    new Target(true, true, 0.95, "with ÷ without ≥ 0.95 (a few percent)")));
            figures.add(new Figure("P1", "intake via gateway", viaGateway.perSecond(), "/s",
                    "%d in %d s, %d errors; CPU per complaint %s".formatted(viaGateway.count(), viaGateway.seconds(),
                            viaGateway.errors(), viaGatewayCpu),
                    "PostgreSQL appends (median of 3)", baseline, "/s", viaGateway.perSecond() / baseline,
                    new Target(true, true, 0.05, "ratio ≥ 0.05")));
            figures.add(new Figure("P1", "intake direct", atService.perSecond(), "/s",
                    "%d in %d s, %d errors; CPU per complaint %s".formatted(atService.count(), atService.seconds(),
                            atService.errors(), atServiceCpu),
                    "PostgreSQL appends (median of 3)", baseline, "/s", atService.perSecond() / baseline,
                    new Target(true, true, 0.10, "ratio ≥ 0.10")));
            figures.add(new Figure("P1", "intake p99 via gateway", viaGateway.latencies().ms(99), "ms",
                    "p50 %.1f ms".formatted(viaGateway.latencies().ms(50)), null, null, null, null,
                    new Target(false, false, 150, "≤ 150 ms")));
            figures.add(new Figure("P1", "intake p99 direct", atService.latencies().ms(99), "ms",
                    "p50 %.1f ms".formatted(atService.latencies().ms(50)), null, null, null, null,
                    new Target(false, false, 150, "≤ 150 ms")));

            // P3: department latency at half the measured intake rate, against Kafka's own end-to-end latency
            System.out.printf("%nP3 baseline: Kafka's EndToEndLatency, %d messages of 1 KB, acks=all%n",
                    options.kafkaMessages());
            double[] kafka = kafkaEndToEnd(root, system.bootstrap(), options.kafkaMessages(),
                    dataDir.resolve("logs").resolve("kafka-e2e.log"));
            System.out.printf("  average %.2f ms, p50 %.0f ms, p99 %.0f ms, p99.9 %.0f ms (whole ms, as the tool prints)%n",
                    kafka[0], kafka[1], kafka[2], kafka[3]);
            double rate = viaGateway.perSecond() / 2;
            System.out.printf("%nP3 department latency: assign → %s's live stream, %d samples, registrations at "
                    + "%.0f/s through the gateway meanwhile%n", DEPARTMENT, options.latencySamples(), rate);
            DepartmentLatency department = departmentLatency(gateway, tokens, rate, options.clients(),
                    options.latencySamples());
            System.out.printf("  p50 %.1f ms, p99 %.1f ms, max %.1f ms (the assignment's answer p50 %.1f ms, p99 %.1f ms); "
                            + "%d samples, %d lost, %d errors; background %.0f/s (%d errors)%n",
                    department.latencies().ms(50), department.latencies().ms(99), department.latencies().ms(100),
                    department.answers().ms(50), department.answers().ms(99), department.latencies().count(),
                    department.lost(), department.errors(), department.backgroundRate(), department.backgroundErrors());
            double kafkaP99 = Math.max(kafka[2], 1);
            figures.add(new Figure("P3", "department latency p99", department.latencies().ms(99), "ms",
                    "p50 %.1f ms; the assignment's answer p50 %.1f ms, p99 %.1f ms; %d samples, %d lost; background %.0f/s"
                            .formatted(department.latencies().ms(50), department.answers().ms(50),
                                    department.answers().ms(99), department.latencies().count(), department.lost(),
                                    department.backgroundRate()),
                    "Kafka end-to-end p99 (EndToEndLatency, whole ms)", kafkaP99, "ms",
                    department.latencies().ms(99) / kafkaP99, new Target(true, false, 20, "ratio ≤ 20")));

            // P4: a long history against the plain select of its rows
            System.out.printf("%nP4 history: a complaint with %d events, %d reads each way%n", options.historyEvents(),
                    options.historyReads());
            System.out.println("  waiting until complaint.events and dutylog.events stop growing");
            settle(system.bootstrap());
            History history = history(gateway, direct, database, tokens, options.historyEvents(),
                    options.historyReads());
            System.out.printf("  via gateway p50 %.1f ms p99 %.1f ms; direct p50 %.1f ms p99 %.1f ms; JDBC p50 %.2f "
                            + "ms p99 %.2f ms (%d rows)%n", history.gateway().ms(50), history.gateway().ms(99),
                    history.direct().ms(50), history.direct().ms(99), history.jdbc().ms(50), history.jdbc().ms(99),
                    history.rows());
            figures.add(new Figure("P4", "history p99 via gateway", history.gateway().ms(99), "ms",
                    "p50 %.1f ms; %d events".formatted(history.gateway().ms(50), history.rows()),
                    "JDBC select p99", history.jdbc().ms(99), "ms", history.gateway().ms(99) / history.jdbc().ms(99),
                    new Target(true, false, 5, "ratio ≤ 5")));
            figures.add(new Figure("P4", "history p99 direct", history.direct().ms(99), "ms",
                    "p50 %.1f ms; %d events".formatted(history.direct().ms(50), history.rows()),
                    "JDBC select p99", history.jdbc().ms(99), "ms", history.direct().ms(99) / history.jdbc().ms(99),
                    new Target(true, false, 5, "ratio ≤ 5")));

            // P2: a projection's rebuild against a binary COPY of the same table
            System.out.printf("%nseeding: complaints registered, assigned, acknowledged and resolved directly at "
                    + "complaint-service until the event store holds %d events%n", options.replayEvents());
            double seeded = seed(direct, database, tokens, options.clients(), options.replayEvents());
            System.out.println("  waiting until complaint.events and dutylog.events stop growing");
            settle(system.bootstrap());
            System.out.println("\nP2 baseline: COPY (SELECT * FROM domain_event_entry) TO STDOUT (FORMAT binary), 3 runs");
            List<Double> copies = new ArrayList<>();
            for (int run = 0; run < 3; run++) {
                copies.add(copyScan(database));
                System.out.printf("  run %d: %.0f rows/s%n", run + 1, copies.get(run));
            }
            double copy = median(copies);
            System.out.printf("%nP2 replay of %s (POST /admin/projections/%s/replay on %s)%n", options.projection(),
                    options.projection(), direct);
            Replay replay = replay(direct, database, tokens.admin(), options.projection());
            System.out.printf("  %d events in %.1f s: %.0f events/s%n", replay.events(), replay.seconds(),
                    replay.perSecond());
            figures.add(new Figure("P2", "replay " + options.projection(), replay.perSecond(), "events/s",
                    "%d events replayed in %.1f s; seeded through the API at %.0f events/s".formatted(replay.events(),
                            replay.seconds(), seeded),
                    "binary COPY scan (median of 3)", copy, "rows/s", replay.perSecond() / copy,
                    new Target(true, true, 0.02, "ratio ≥ 0.02")));

            memory.stopSampling();
            figures.add(new Figure("P5", "memory (PSS) at rest", total(rest) / 1024.0 / 1024, "MiB",
                    Memory.describe(rest), null, null, null, null,
                    new Target(false, false, 3 * 1024, "≤ 3 GiB")));
            Map<String, Long> peak = memory.peak();
            figures.add(new Figure("P5", "memory (PSS) under load, largest sample", total(peak) / 1024.0 / 1024, "MiB",
                    Memory.describe(peak), null, null, null, null, null));
        }

        String date = ZonedDateTime.now(clock).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        String commit = System.getProperty("kefu.commit", "unknown");
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.println();
        System.out.println(table(figures, date, commit, cores, options.clients()));
        Files.createDirectories(options.out().getParent());
        Files.writeString(options.out(), json(figures, date, commit, cores, options));
        System.out.println("written to " + options.out());
    }

    // ---- P1 ----------------------------------------------------------------------------------------------------

    /** {@code clients} threads, each registering complaints one after the other for {@code seconds}. */
    static Intake intake(String base, String token, int clients, int seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        AtomicInteger errors = new AtomicInteger();
        List<Future<List<Long>>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                try (LoadConnection connection = new LoadConnection(base)) {
                    while (System.nanoTime() < end) {
                        long start = System.nanoTime();
                        try {
                            if (connection.post("/api/complaints", token, IntakeBenchmark.complaint()) == 201) {
                                latencies.add(System.nanoTime() - start);
                            } else {
                                errors.incrementAndGet();
                            }
                        } catch (IOException e) {
                            errors.incrementAndGet();
                        }
                    }
                }
                return latencies;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> future : futures) {
            all.addAll(future.get());
        }
        pool.shutdown();
        return new Intake(all.size(), errors.get(), Latencies.of(all), seconds);
    }

    /**
     * Registers through the gateway in rounds of {@value #WARMUP_ROUND} s until at least {@code least} seconds have
     * passed and the rate is {@linkplain #steady steady} (at most {@code most} seconds). On two cores the seven JVMs
     * share them with their JIT compilers: the services' rate was still rising after ten minutes of load (C2
     * compiling ~90 methods per 30 s in complaint-service), so a fixed warm-up measured the compilers, not the path.
     */
    static void warmUp(String gateway, String token, int clients, int least, int most) throws Exception {
        int elapsed = 0;
        List<Double> rates = new ArrayList<>();
        while (elapsed < most) {
            Intake round = intake(gateway, token, clients, WARMUP_ROUND);
            elapsed += WARMUP_ROUND;
            rates.add(round.perSecond());
            boolean steady = steady(rates);
            System.out.printf("  warm-up %4d s: %5.0f/s%s%n", elapsed, round.perSecond(), steady ? " (steady)" : "");
            if (elapsed >= least && steady) {
                return;
            }
        }
        System.out.printf("  not steady after %d s; measuring anyway%n", most);
    }

    /**
     * Whether the last two rounds each came within 5 % of the round three back. Comparing each round with the one
     * just before called a rate steady that still rose slowly (63, 112, 117, 134, 124, 145, 152, 149/s: steady after
     * 240 s, while the services gained for minutes more); a slow rise shows over three rounds.
     */
    static boolean steady(List<Double> rates) {
        int n = rates.size();
        if (n < 4) {
            return false;
        }
        double reference = rates.get(n - 4);
        return reference > 0 && Math.abs(rates.get(n - 1) - reference) <= 0.05 * reference
                && Math.abs(rates.get(n - 2) - reference) <= 0.05 * reference;
    }

    private static final int WARMUP_ROUND = 30;

    private static void report(String where, Intake result) {
        System.out.printf("  %-24s %6d in %d s: %5.0f/s; latency p50 %.1f ms, p99 %.1f ms; %d errors%n", where + ":",
                result.count(), result.seconds(), result.perSecond(), result.latencies().ms(50),
                result.latencies().ms(99), result.errors());
    }

    // ---- P3 ----------------------------------------------------------------------------------------------------

    /** [average, p50, p99, p99.9] in ms, from Kafka's own tool run beside the broker (after a warm-up run). */
    static double[] kafkaEndToEnd(Path root, String bootstrap, int messages, Path log) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        String classPath = root.resolve("deploy/target/classes") + ":" + root.resolve("deploy/target/lib") + "/*";
        String output = "";
        for (int count : new int[] {Math.max(100, messages / 10), messages}) {
            Process tool = new ProcessBuilder(java, "-Xmx256m", "-cp", classPath,
                    "org.apache.kafka.tools.EndToEndLatency", bootstrap, "bench-e2e-latency", Integer.toString(count),
                    "all", "1024")
                    .redirectErrorStream(true).start();
            output = new String(tool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            Files.writeString(log, output, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            if (tool.waitFor() != 0) {
                throw new IllegalStateException("EndToEndLatency failed; see " + log);
            }
        }
        Matcher percentiles = KAFKA_PERCENTILES.matcher(output);
        Matcher average = KAFKA_AVERAGE.matcher(output);
        if (!percentiles.find() || !average.find()) {
            throw new IllegalStateException("EndToEndLatency printed no figures; see " + log);
        }
        return new double[] {Double.parseDouble(average.group(1)), Double.parseDouble(percentiles.group(1)),
                Double.parseDouble(percentiles.group(2)), Double.parseDouble(percentiles.group(3))};
    }

    /** {@code answers}: the assignment's own request, until its 2xx (the rest of {@code latencies} is delivery). */
    record DepartmentLatency(Latencies latencies, Latencies answers, int lost, int errors, double backgroundRate,
                             int backgroundErrors) {
    }

    /**
     * The department's stream open through the gateway; registrations at {@code rate} in the background; then one
     * sample every 100 ms: register, and time the assignment's request until its event arrives on the stream.
     */
    static DepartmentLatency departmentLatency(String gateway, Tokens tokens, double rate, int clients, int samples)
            throws Exception {
        Map<String, CompletableFuture<Long>> arrivals = new ConcurrentHashMap<>();
        CompletableFuture<Void> subscribed = new CompletableFuture<>();
        HttpResponse<InputStream> stream = HTTP.send(HttpRequest.newBuilder(
                        URI.create(gateway + "/api/streams/departments/" + DEPARTMENT))
                .header("Authorization", "Bearer " + tokens.department())
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
        if (stream.statusCode() != 200) {
            throw new IllegalStateException("the department stream answered " + stream.statusCode());
        }
        Thread reader = new Thread(() -> readStream(stream.body(), subscribed, arrivals), "department-stream");
        reader.setDaemon(true);
        reader.start();
        subscribed.get(30, TimeUnit.SECONDS);

        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger backgroundCount = new AtomicInteger();
        AtomicInteger backgroundErrors = new AtomicInteger();
        ExecutorService background = Executors.newFixedThreadPool(clients);
        AtomicLong slots = new AtomicLong();
        long interval = (long) (1e9 / Math.max(rate, 0.1));
        long begin = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            background.submit(() -> {
                try (LoadConnection connection = new LoadConnection(gateway)) {
                    while (!stop.get()) {
                        long wait = begin + slots.getAndIncrement() * interval - System.nanoTime();
                        if (wait > 0) {
                            LockSupport.parkNanos(wait);
                        }
                        if (stop.get()) {
                            return;
                        }
                        try {
                            if (connection.post("/api/complaints", tokens.desk(), IntakeBenchmark.complaint())
                                    == 201) {
                                backgroundCount.incrementAndGet();
                            } else {
                                backgroundErrors.incrementAndGet();
                            }
                        } catch (Exception e) {
                            backgroundErrors.incrementAndGet();
                        }
                    }
                }
            });
        }

        List<Long> latencies = new ArrayList<>();
        List<Long> answers = new ArrayList<>();
        int lost = 0;
        int errors = 0;
        int warmup = Math.min(20, samples / 10);
        Thread.sleep(2000); // the background load settles in
        for (int i = 0; i < warmup + samples; i++) {
            long cycle = System.nanoTime();
            try {
                HttpResponse<String> registered = post(gateway + "/api/complaints", tokens.desk(),
                        IntakeBenchmark.complaint());
                Matcher id = ID.matcher(registered.body());
                if (registered.statusCode() != 201 || !id.find()) {
                    errors++;
                    continue;
                }
                CompletableFuture<Long> arrival = arrivals.computeIfAbsent(id.group(1), k -> new CompletableFuture<>());
                long start = System.nanoTime();
                int assigned = post(gateway + "/api/complaints/" + id.group(1) + "/assign", tokens.afterSales(),
                        "{\"department\":\"" + DEPARTMENT + "\"}").statusCode();
                long answered = System.nanoTime();
                if (assigned / 100 != 2) {
                    errors++;
                    continue;
                }
                long arrived = arrival.get(10, TimeUnit.SECONDS);
                if (i >= warmup) {
                    latencies.add(arrived - start);
                    answers.add(answered - start);
                }
            } catch (TimeoutException e) {
                lost++;
            } catch (IOException e) {
                errors++;
            }
            long rest = cycle + 100_000_000L - System.nanoTime();
            if (rest > 0) {
                LockSupport.parkNanos(rest);
            }
        }
        stop.set(true);
        background.shutdown();
        background.awaitTermination(1, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - begin) / 1e9;
        stream.body().close();
        return new DepartmentLatency(Latencies.of(latencies), Latencies.of(answers), lost, errors, backgroundCount.get() / seconds,
                backgroundErrors.get());
    }

    private static void readStream(InputStream body, CompletableFuture<Void> subscribed,
                                   Map<String, CompletableFuture<Long>> arrivals) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String event = null;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                long now = System.nanoTime();
                if (line.startsWith("event:")) {
                    event = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    if ("subscribed".equals(event)) {
                        subscribed.complete(null);
                    } else if ("complaint-assigned".equals(event)) {
                        Matcher id = COMPLAINT_ID.matcher(line);
                        if (id.find()) {
                            arrivals.computeIfAbsent(id.group(1), k -> new CompletableFuture<>()).complete(now);
                        }
                    }
                } else if (line.isEmpty()) {
                    event = null;
                }
            }
        } catch (IOException e) {
            // the stream was closed at the end of the measurement
        }
    }

    // ---- P4 ----------------------------------------------------------------------------------------------------

    record History(Latencies gateway, Latencies direct, Latencies jdbc, int rows) {
    }

    /** Builds one complaint of {@code events} events, then reads its history every way in turn. */
    static History history(String gateway, String direct, String database, Tokens tokens, int events, int reads)
            throws Exception {
        String id = register(direct, tokens.desk());
        step(direct, id, "assign", tokens.afterSales(), "{\"department\":\"" + DEPARTMENT + "\"}");
        step(direct, id, "acknowledge", tokens.department(), "{\"note\":\"收到 / принято\"}");
        for (int i = 0; i < events - 3; i++) { // registration, assignment, acknowledgement: 1 event each
            step(direct, id, "progress", tokens.department(),
                    "{\"note\":\"处理记录 %d / ход работы %d: %s\"}".formatted(i, i, "进展".repeat(20)));
        }
        List<Long> viaGateway = new ArrayList<>();
        List<Long> atService = new ArrayList<>();
        List<Long> plain = new ArrayList<>();
        int rows = 0;
        try (Connection connection = DriverManager.getConnection(database, "kefu", "kefu");
             PreparedStatement select = connection.prepareStatement(
                     "select * from domain_event_entry where aggregate_identifier = ? order by sequence_number")) {
            int warmup = Math.max(20, reads / 6);
            for (int i = 0; i < warmup + reads; i++) {
                long gatewayTime = timeHistory(gateway, id, tokens.afterSales());
                long directTime = timeHistory(direct, id, tokens.afterSales());
                long start = System.nanoTime();
                select.setString(1, id);
                int count = 0;
                try (ResultSet result = select.executeQuery()) {
                    int columns = result.getMetaData().getColumnCount();
                    while (result.next()) {
                        for (int column = 1; column <= columns; column++) {
                            result.getObject(column);
                        }
                        count++;
                    }
                }
                long jdbcTime = System.nanoTime() - start;
                rows = count;
                if (i >= warmup) {
                    viaGateway.add(gatewayTime);
                    atService.add(directTime);
                    plain.add(jdbcTime);
                }
            }
        }
        if (rows != events) {
            System.out.printf("  (the complaint has %d events, not %d)%n", rows, events);
        }
        return new History(Latencies.of(viaGateway), Latencies.of(atService), Latencies.of(plain), rows);
    }

    private static long timeHistory(String base, String id, String token) throws Exception {
        long start = System.nanoTime();
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create(base + "/api/complaints/" + id + "/history"))
                .header("Authorization", "Bearer " + token).timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        long time = System.nanoTime() - start;
        if (response.statusCode() != 200) {
            throw new IllegalStateException("history answered " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return time;
    }

    // ---- P2 ----------------------------------------------------------------------------------------------------

    /** Complaints through register, assign, acknowledge and resolve (1 event each) until {@code target}. */
    static double seed(String direct, String database, Tokens tokens, int clients, long target) throws Exception {
        long have = countEvents(database);
        AtomicLong events = new AtomicLong(have);
        AtomicInteger errors = new AtomicInteger();
        long begin = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            futures.add(pool.submit(() -> {
                while (events.get() < target && errors.get() < 100) {
                    try {
                        String id = register(direct, tokens.desk());
                        events.incrementAndGet();
                        step(direct, id, "assign", tokens.afterSales(), "{\"department\":\"" + DEPARTMENT + "\"}");
                        events.incrementAndGet();
                        step(direct, id, "acknowledge", tokens.department(), "{}");
                        events.incrementAndGet();
                        step(direct, id, "resolve", tokens.department(), "{\"result\":\"已处理 / решено\"}");
                        events.incrementAndGet();
                    } catch (Exception e) {
                        if (errors.incrementAndGet() == 1) {
                            System.out.println("  first error: " + e.getMessage());
                        }
                    }
                }
                return null;
            }));
        }
        long reported = System.nanoTime();
        while (futures.stream().anyMatch(f -> !f.isDone())) {
            Thread.sleep(500);
            if (System.nanoTime() - reported > 15_000_000_000L) {
                reported = System.nanoTime();
                System.out.printf("  %d events (%.0f/s)%n", events.get(), (events.get() - have)
                        / ((reported - begin) / 1e9));
            }
        }
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();
        if (errors.get() >= 100) {
            throw new IllegalStateException("seeding stopped after 100 errors");
        }
        long now = countEvents(database);
        double seconds = (System.nanoTime() - begin) / 1e9;
        System.out.printf("  %d events in the event store (%d added in %.0f s: %.0f events/s; %d errors)%n", now,
                now - have, seconds, (now - have) / seconds, errors.get());
        return (now - have) / seconds;
    }

    /** Waits until no new record reaches {@code complaint.events} or {@code dutylog.events} for 5 s (at most 5 minutes). */
    static void settle(String bootstrap) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        long last = -1;
        long stableSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
            long now = publishedCount(bootstrap);
            if (now != last) {
                last = now;
                stableSince = System.nanoTime();
            } else if (System.nanoTime() - stableSince > 5_000_000_000L) {
                System.out.printf("  %d records on complaint.events and dutylog.events%n", now);
                return;
            }
            Thread.sleep(500);
        }
        System.out.println("  (still growing after 5 minutes; measuring anyway)");
    }

    /** Records on complaint.events and on dutylog.events, which the duty log writes for every complaint (D11). */
    private static long publishedCount(String bootstrap) throws Exception {
        var config = new java.util.Properties();
        config.put(org.apache.kafka.clients.admin.AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        List<String> topics = List.of("complaint.events", "dutylog.events");
        try (var admin = org.apache.kafka.clients.admin.Admin.create(config)) {
            var partitions = admin.describeTopics(topics).allTopicNames().get().values().stream()
                    .flatMap(topic -> topic.partitions().stream()
                            .map(p -> new org.apache.kafka.common.TopicPartition(topic.name(), p.partition())))
                    .collect(Collectors.toMap(p -> p, p -> org.apache.kafka.clients.admin.OffsetSpec.latest()));
            return admin.listOffsets(partitions).all().get().values().stream().mapToLong(info -> info.offset()).sum();
        }
    }

    /**
     * Turns the event chain's trigger (A1, platform's {@code V5__event_chain.sql}) off or on in complaint-service's
     * store: the events appended meanwhile have no hash, which only this run's throw-away store ever holds.
     */
    static void chainTrigger(String database, boolean enabled) throws Exception {
        try (Connection connection = DriverManager.getConnection(database, "kefu", "kefu");
             Statement sql = connection.createStatement()) {
            sql.execute("alter table domain_event_entry " + (enabled ? "enable" : "disable")
                    + " trigger domain_event_entry_chain");
        }
    }

    /** Rows/s of a binary COPY of the whole event table into a null sink (through the JDBC driver's CopyManager). */
    static double copyScan(String database) throws Exception {
        try (Connection connection = DriverManager.getConnection(database, "kefu", "kefu")) {
            CopyManager copy = new CopyManager(connection.unwrap(BaseConnection.class));
            long start = System.nanoTime();
            long rows = copy.copyOut("COPY (SELECT * FROM domain_event_entry) TO STDOUT (FORMAT binary)",
                    OutputStream.nullOutputStream());
            return rows / ((System.nanoTime() - start) / 1e9);
        }
    }

    record Replay(long events, double seconds) {

        double perSecond() {
            return events / seconds;
        }
    }

    /** Starts the rebuild and polls until the projection no longer replays (having been seen replaying). */
    static Replay replay(String direct, String database, String adminToken, String projection) throws Exception {
        long events = countEvents(database);
        String url = direct + "/admin/projections/" + projection;
        long start = System.nanoTime();
        HttpResponse<String> started = post(url + "/replay", adminToken, "");
        if (started.statusCode() != 202) {
            throw new IllegalStateException("replay answered " + started.statusCode() + ": " + started.body());
        }
        boolean seen = isReplaying(started.body());
        while (true) {
            HttpResponse<String> status = get(url, adminToken);
            boolean replaying = isReplaying(status.body());
            long elapsed = System.nanoTime() - start;
            if (replaying) {
                seen = true;
            } else if (seen) {
                return new Replay(events, elapsed / 1e9);
            } else if (elapsed > 30_000_000_000L) {
                throw new IllegalStateException("the projection was never seen replaying: " + status.body());
            }
            if (elapsed > Duration.ofMinutes(30).toNanos()) {
                throw new IllegalStateException("the replay did not end within 30 minutes");
            }
            Thread.sleep(100);
        }
    }

    private static boolean isReplaying(String body) {
        Matcher replaying = REPLAYING.matcher(body);
        return replaying.find() && replaying.group(1).equals("true");
    }

    static long countEvents(String database) throws Exception {
        try (Connection connection = DriverManager.getConnection(database, "kefu", "kefu");
             Statement sql = connection.createStatement();
             ResultSet count = sql.executeQuery("select count(*) from domain_event_entry")) {
            count.next();
            return count.getLong(1);
        }
    }

    // ---- P5 ----------------------------------------------------------------------------------------------------

    /** Proportional set size of every process the system started and their descendants; PostgreSQL's by its pid file. */
    static final class Memory {

        private final LocalSystem system;
        private final Path postgresData;
        private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "memory-sampler");
            thread.setDaemon(true);
            return thread;
        });
        private volatile Map<String, Long> peak = Map.of();

        Memory(LocalSystem system, Path postgresData) {
            this.system = system;
            this.postgresData = postgresData;
        }

        /** Bytes by process name (each with its descendants). */
        Map<String, Long> sample() {
            return sumByProcess(Memory::pss);
        }

        /** {@code measure} summed over each process the system started and its descendants, by process name. */
        private Map<String, Long> sumByProcess(ToLongFunction<Long> measure) {
            Map<String, Long> sums = new LinkedHashMap<>();
            system.pids().forEach((name, pid) -> {
                Set<Long> pids = new TreeSet<>(family(pid));
                if (name.equals("postgres")) {
                    postmaster().ifPresent(postmaster -> pids.addAll(family(postmaster)));
                }
                sums.put(name, pids.stream().mapToLong(measure).sum());
            });
            return sums;
        }

        /**
         * CPU time (user and system, ms) by process name, each with its descendants, and the benchmark's own JVM as
         * {@code load}: what the clients cost comes out of the same two cores.
         */
        Map<String, Long> cpu() {
            Map<String, Long> millis = sumByProcess(Memory::cpuMillis);
            millis.put("load", cpuMillis(ProcessHandle.current().pid()));
            return millis;
        }

        /** Each process's CPU between two {@link #cpu} readings, in ms per item, and their sum. */
        static String cpuPerItem(Map<String, Long> before, Map<String, Long> after, int items) {
            double total = 0;
            List<String> parts = new ArrayList<>();
            for (var entry : after.entrySet()) {
                double each = (entry.getValue() - before.getOrDefault(entry.getKey(), 0L)) / (double) Math.max(items, 1);
                total += each;
                parts.add("%s %.2f".formatted(entry.getKey(), each));
            }
            return "%.2f ms (%s)".formatted(total, String.join(", ", parts));
        }

        private static long cpuMillis(long pid) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // fields from the third of stat(5): utime and stime are its 14th and 15th
                return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 1000 / TICKS_PER_SECOND;
            } catch (IOException | RuntimeException e) {
                return 0; // the process ended meanwhile
            }
        }

        /** USER_HZ, 100 on Linux for every architecture that matters here ({@code getconf CLK_TCK}). */
        private static final long TICKS_PER_SECOND = 100;

        void startSampling() {
            sampler.scheduleAtFixedRate(() -> {
                Map<String, Long> now = sample();
                if (total(now) > total(peak)) {
                    peak = now;
                }
            }, 0, 5, TimeUnit.SECONDS);
        }

        void stopSampling() throws InterruptedException {
            sampler.shutdown();
            sampler.awaitTermination(30, TimeUnit.SECONDS);
        }

        Map<String, Long> peak() {
            return peak;
        }

        static String describe(Map<String, Long> bytes) {
            return "%.0f MiB (".formatted(total(bytes) / 1024.0 / 1024) + bytes.entrySet().stream()
                    .map(e -> "%s %.0f".formatted(e.getKey(), e.getValue() / 1024.0 / 1024))
                    .collect(Collectors.joining(", ")) + ")";
        }

        private java.util.Optional<Long> postmaster() {
            try {
                return java.util.Optional.of(Long.parseLong(
                        Files.readAllLines(postgresData.resolve("postmaster.pid")).get(0).trim()));
            } catch (Exception e) {
                return java.util.Optional.empty();
            }
        }

        private static List<Long> family(long pid) {
            List<Long> pids = new ArrayList<>();
            ProcessHandle.of(pid).ifPresent(handle -> {
                pids.add(handle.pid());
                handle.descendants().forEach(child -> pids.add(child.pid()));
            });
            return pids;
        }

        private static long pss(long pid) {
            try {
                return Files.readAllLines(Path.of("/proc/" + pid + "/smaps_rollup")).stream()
                        .filter(line -> line.startsWith("Pss:"))
                        .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024)
                        .findFirst().orElse(0);
            } catch (IOException e) {
                return 0; // the process ended meanwhile
            }
        }
    }

    private static long total(Map<String, Long> bytes) {
        return bytes.values().stream().mapToLong(Long::longValue).sum();
    }

    // ---- HTTP ----------------------------------------------------------------------------------------------------

    static String login(String gateway, String user) throws Exception {
        HttpResponse<String> response = post(gateway + "/api/auth/token", null,
                "{\"username\":\"" + user + "\",\"password\":\"demo\"}");
        Matcher token = TOKEN.matcher(response.body());
        if (!token.find()) {
            throw new IllegalStateException("login of " + user + " failed: " + response.body());
        }
        return token.group(1);
    }

    private static String register(String base, String token) throws Exception {
        HttpResponse<String> response = post(base + "/api/complaints", token, IntakeBenchmark.complaint());
        Matcher id = ID.matcher(response.body());
        if (response.statusCode() != 201 || !id.find()) {
            throw new IllegalStateException("registration answered " + response.statusCode() + ": " + response.body());
        }
        return id.group(1);
    }

    private static void step(String base, String id, String step, String token, String body) throws Exception {
        HttpResponse<String> response = post(base + "/api/complaints/" + id + "/" + step, token, body);
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(step + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static HttpResponse<String> post(String url, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String url, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    // ---- the table -------------------------------------------------------------------------------------------------

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    private static String number(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value)
                : value >= 10 ? String.format(Locale.ROOT, "%.1f", value)
                : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String ratio(Double ratio) {
        return ratio == null ? "" : ratio >= 1 ? String.format(Locale.ROOT, "%.2f", ratio)
                : String.format(Locale.ROOT, "%.4f", ratio);
    }

    static String table(List<Figure> figures, String date, String commit, int cores, int clients) {
        StringBuilder out = new StringBuilder();
        out.append("kefu, the whole path — %s, commit %s, %d cores, %d clients%n".formatted(date, commit, cores,
                clients));
        String format = "%-3s %-38s %15s  %-50s %8s  %-13s %s%n";
        out.append(format.formatted("", "figure", "value", "baseline", "ratio", "target", "result"));
        for (Figure figure : figures) {
            String baseline = figure.baseline() == null ? "" : "%s %s %s".formatted(number(figure.baseline()),
                    figure.baselineUnit(), figure.baselineName());
            Boolean pass = figure.pass();
            out.append(format.formatted(figure.id(), figure.name(), number(figure.value()) + " " + figure.unit(),
                    baseline, ratio(figure.ratio()), figure.target() == null ? "" : figure.target().text(),
                    pass == null ? "" : pass ? "PASS" : "FAIL"));
        }
        out.append("\ndetails:\n");
        for (Figure figure : figures) {
            out.append("  %s %s: %s%n".formatted(figure.id(), figure.name(), figure.detail()));
        }
        return out.toString();
    }

    static String json(List<Figure> figures, String date, String commit, int cores, Options options) {
        StringBuilder out = new StringBuilder("{\n");
        out.append("  \"date\": %s,\n  \"commit\": %s,\n  \"cores\": %d,\n  \"clients\": %d,\n".formatted(quote(date),
                quote(commit), cores, options.clients()));
        out.append("  \"settings\": {\"seconds\": %d, \"warmup\": %d, \"baselineSeconds\": %d, \"replayEvents\": %d, "
                .formatted(options.seconds(), options.warmup(), options.baselineSeconds(), options.replayEvents()));
        out.append("\"projection\": %s, \"latencySamples\": %d, \"historyEvents\": %d, \"historyReads\": %d, "
                .formatted(quote(options.projection()), options.latencySamples(), options.historyEvents(),
                        options.historyReads()));
        out.append("\"kafkaMessages\": %d},\n  \"figures\": [\n".formatted(options.kafkaMessages()));
        for (int i = 0; i < figures.size(); i++) {
            Figure f = figures.get(i);
            Boolean pass = f.pass();
            out.append("    {\"id\": %s, \"name\": %s, \"value\": %s, \"unit\": %s, \"detail\": %s, ".formatted(
                    quote(f.id()), quote(f.name()), decimal(f.value()), quote(f.unit()), quote(f.detail())));
            out.append("\"baseline\": %s, \"baselineValue\": %s, \"baselineUnit\": %s, \"ratio\": %s, ".formatted(
                    quote(f.baselineName()), f.baseline() == null ? "null" : decimal(f.baseline()),
                    quote(f.baselineUnit()), f.ratio() == null ? "null" : decimal(f.ratio())));
            out.append("\"target\": %s, \"pass\": %s}%s\n".formatted(f.target() == null ? "null"
                    : quote(f.target().text()), pass == null ? "null" : pass, i < figures.size() - 1 ? "," : ""));
        }
        return out.append("  ]\n}\n").toString();
    }

    private static String decimal(double value) {
        return Double.isNaN(value) || Double.isInfinite(value) ? "null" : String.format(Locale.ROOT, "%.6g", value);
    }

    private static String quote(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> out.append(c < 0x20 ? "\\u%04x".formatted((int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }
}
