package com.kefu.deploy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The whole system on one machine: a real PostgreSQL (embedded, unless {@code PG_URL} names one), a real Kafka
 * broker (from Maven Central's jars, unless {@code KAFKA_BOOTSTRAP} names one), then the services and the
 * gateway, one after the other, each waited on until healthy. Data and logs live under one folder. When supervised,
 * a process that dies is started again ({@link Supervisor}).
 * <p>
 * {@code LocalSystem up} starts it, supervises it and keeps it until Ctrl-C. {@code LocalSystem up --detach} starts
 * {@code LocalSystem supervise} as a process of its own, which starts and supervises the system (its output in
 * {@code logs/supervisor.log}), shows that output until the system is up, and returns. {@code LocalSystem down}
 * stops the supervisor (in either mode: its pid is in {@code run/supervisor.pid}), then every process.
 */
public final class LocalSystem implements AutoCloseable {

    /**
     * A service of the system: where its jar is built, its database, its port, and which of its instances it is (the
     * cluster runs two of each: {@code complaint-service} and {@code complaint-service-2}).
     */
    public record Service(String name, String module, String database, int port, int instance) {

        public Service(String name, String module, String database, int port) {
            this(name, module, database, port, 1);
        }

        /** The process's name: the service's, and the instance's number from the second on. */
        public String process() {
            return instance == 1 ? name : name + "-" + instance;
        }

        Service another(int number, int port) {
            return new Service(name, module, database, port, number);
        }

        /** The gateway (its database holds the staff accounts), not a service behind it. */
        public boolean isGateway() {
            return name.equals("gateway");
        }
    }

    /**
     * @param root       the project's root (where pom.xml is)
     * @param dataDir    where PostgreSQL, Kafka, logs and pid files live
     * @param postgresPort port of the embedded PostgreSQL
     * @param kafkaPort  port of the embedded broker (its controller listens on the next port)
     * @param services   what to start, in this order
     * @param durable    whether the embedded PostgreSQL flushes every commit to disk (the local system does; the
     *                   end-to-end tests and the benchmark run without, and say so)
     * @param supervised whether a process that dies is started again (the local system's are; the end-to-end tests
     *                   and the benchmark stop and kill processes on purpose, and see a death as it is)
     * @param brokers    1, or 3 for the cluster: KRaft nodes (broker and controller each) on {@code kafkaPort} and the
     *                   next two, their controllers 100 ports higher; topics with 3 copies, 2 in sync
     */
    public record Settings(Path root, Path dataDir, int postgresPort, int kafkaPort, String pgUrl, String pgUser,
                           String pgPassword, String kafkaBootstrap, List<Service> services, boolean durable,
                           boolean supervised, int brokers) {

        /** Durable and supervised, as the local system runs. */
        public Settings(Path root, Path dataDir, int postgresPort, int kafkaPort, String pgUrl, String pgUser,
                        String pgPassword, String kafkaBootstrap, List<Service> services) {
            this(root, dataDir, postgresPort, kafkaPort, pgUrl, pgUser, pgPassword, kafkaBootstrap, services, true,
                    true, 1);
        }

        /** The same system, without flushing commits to disk. */
        public Settings notDurable() {
            return new Settings(root, dataDir, postgresPort, kafkaPort, pgUrl, pgUser, pgPassword, kafkaBootstrap,
                    services, false, supervised, brokers);
        }

        /** The same system, with nothing started again when it dies. */
        public Settings unsupervised() {
            return new Settings(root, dataDir, postgresPort, kafkaPort, pgUrl, pgUser, pgPassword, kafkaBootstrap,
                    services, durable, false, brokers);
        }

        /**
         * The same system as a cluster (R6): three brokers, and every service and gateway of these settings twice; a
         * second instance on its first's port + {@code secondOffset}.
         */
        public Settings clustered(int secondOffset) {
            List<Service> twice = new ArrayList<>();
            for (Service service : services) {
                if (!service.name().equals("gateway")) {
                    twice.add(service);
                    twice.add(service.another(2, service.port() + secondOffset));
                }
            }
            for (Service service : services) {
                if (service.name().equals("gateway")) {
                    twice.add(service);
                    twice.add(service.another(2, service.port() + secondOffset));
                }
            }
            return new Settings(root, dataDir, postgresPort, kafkaPort, pgUrl, pgUser, pgPassword, kafkaBootstrap,
                    List.copyOf(twice), durable, supervised, 3);
        }

        public boolean cluster() {
            return brokers > 1;
        }

        /** The ports of the brokers this system starts. */
        List<Integer> brokerPorts() {
            return IntStream.range(0, brokers).mapToObj(i -> kafkaPort + i).toList();
        }

        public static List<Service> allServices(int gatewayPort) {
            return List.of(
                    new Service("complaint-service", "complaint-service/complaint-app", "complaint", gatewayPort + 1),
                    new Service("dutylog-service", "dutylog-service/dutylog-app", "dutylog", gatewayPort + 2),
                    new Service("broadcast-service", "broadcast-service/broadcast-app", "broadcast", gatewayPort + 3),
                    new Service("membership-service", "membership-service/membership-app", "membership",
                            gatewayPort + 4),
                    new Service("audit-service", "audit-service/audit-app", "audit", gatewayPort + 5),
                    new Service("gateway", "gateway", "gateway", gatewayPort));
        }

        static Settings fromEnvironment(Path root, Map<String, String> env) {
            Path dataDir = Path.of(env.getOrDefault("DATA_DIR",
                    Path.of(System.getProperty("user.home"), ".local", "share", "kefu").toString()));
            int gatewayPort = Integer.parseInt(env.getOrDefault("GATEWAY_PORT", "8080"));
            return new Settings(root, dataDir.toAbsolutePath(),
                    Integer.parseInt(env.getOrDefault("POSTGRES_PORT", "15432")),
                    Integer.parseInt(env.getOrDefault("KAFKA_PORT", "19092")),
                    env.get("PG_URL"), env.getOrDefault("PG_USER", "kefu"), env.getOrDefault("PG_PASSWORD", "kefu"),
                    env.get("KAFKA_BOOTSTRAP"), allServices(gatewayPort));
        }

        String bootstrap() {
            return kafkaBootstrap != null ? kafkaBootstrap
                    : String.join(",", brokerPorts().stream().map(port -> "127.0.0.1:" + port).toList());
        }

        String databaseUrl(String database) {
            if (pgUrl == null) {
                return "jdbc:postgresql://127.0.0.1:" + postgresPort + "/" + database;
            }
            int query = pgUrl.indexOf('?');
            String base = query < 0 ? pgUrl : pgUrl.substring(0, query);
            return base.substring(0, base.lastIndexOf('/') + 1) + database + (query < 0 ? "" : pgUrl.substring(query));
        }
    }

    private static final Duration SERVICE_START = Duration.ofSeconds(180);
    private static final Set<String> INFRASTRUCTURE = Set.of("kafka", "postgres");
    private static final String SUPERVISOR = "supervisor";
    /** The auditors' trail (A2): a smaller heap (it keeps no aggregates). */
    static final String AUDIT_SERVICE = "audit-service";
    private static final List<String> STOP_ORDER = List.of("gateway", "gateway-2", AUDIT_SERVICE, "audit-service-2", "membership-service",
            "membership-service-2", "broadcast-service", "broadcast-service-2", "dutylog-service", "dutylog-service-2",
            "complaint-service", "complaint-service-2", "kafka", "kafka-1", "kafka-2", "kafka-3", "postgres");
    /** A cluster's second instances listen on their first's port + this (gateway 8090, services 8091–8095). */
    static final int SECOND_INSTANCE_OFFSET = 10;
    /** The supervisor's last line once the system is up: the detached start waits for it. */
    static final String SUPERVISED = "Supervised: a process that dies is started again after 1 s, 2 s, 4 s … at most "
            + "60 s (1 s again once it ran 2 minutes).";

    private final Settings settings;
    private final Path java;
    private final Map<String, ManagedProcess> processes = new HashMap<>();
    private final List<ManagedProcess> started = new ArrayList<>();
    private final Map<String, List<String>> arguments = new HashMap<>();
    private final List<String> serviceJvmOptions = new ArrayList<>();
    private final Supervisor supervisor;
    private boolean halted;

    public LocalSystem(Settings settings) {
        this.settings = settings;
        this.java = Path.of(ProcessHandle.current().info().command().orElse("java"));
        this.supervisor = settings.supervised() ? new Supervisor(System.out) : null;
    }

    /**
     * Settings a service of this system starts with beyond its own ({@code --name=value}, Spring Boot's command
     * line): the end-to-end tests give complaint-service short deadlines for one priority, so that a warning (C17)
     * comes within a test's patience. Called before {@link #start()}.
     */
    public synchronized LocalSystem arguments(String service, String... serviceArguments) {
        arguments.computeIfAbsent(service, name -> new ArrayList<>()).addAll(List.of(serviceArguments));
        return this;
    }

    /**
     * JVM options every service (not the broker, not PostgreSQL) of this system starts with beyond its own: the
     * end-to-end tests' system runs its services on the client compiler only, for processes that live minutes and
     * serve a few requests at a time. Called before {@link #start()}.
     */
    public synchronized LocalSystem serviceJvmOptions(String... options) {
        serviceJvmOptions.addAll(List.of(options));
        return this;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("kefu.root", ".")).toAbsolutePath().normalize();
        Settings settings = Settings.fromEnvironment(root, System.getenv());
        if (List.of(args).contains("--cluster")) {
            settings = settings.clustered(SECOND_INSTANCE_OFFSET);
        }
        String command = args.length == 0 ? "up" : args[0];
        boolean detach = List.of(args).contains("--detach");
        switch (command) {
            case "up" -> {
                if (detach) {
                    upDetached(settings);
                } else {
                    up(settings);
                }
            }
            case "supervise" -> supervise(settings);
            case "down" -> down(settings.dataDir());
            default -> {
                System.err.println("usage: LocalSystem up [--detach] [--cluster] | supervise [--cluster] | down");
                System.exit(2);
            }
        }
    }

    /** Starts and supervises the system in this JVM until Ctrl-C, or until down.sh stops this JVM. */
    private static void up(Settings settings) throws Exception {
        LocalSystem system = new LocalSystem(settings);
        system.checkNotRunning(); // before its pid file is written: that of a running supervisor stays
        Path pidFile = supervisorPidFile(settings.dataDir());
        ManagedProcess.writePidFile(pidFile, ProcessHandle.current().pid());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            system.close();
            ManagedProcess.deletePidFile(pidFile);
        }));
        long begin = System.nanoTime();
        try {
            system.start();
        } catch (RuntimeException e) {
            System.err.println("\nkefu did not start: " + e.getMessage());
            System.exit(1); // the hook stops what was started
        }
        system.printSummary(Duration.ofNanos(System.nanoTime() - begin).toSeconds());
        if (settings.supervised()) {
            System.out.println("\n" + SUPERVISED);
        }
        System.out.println("\nPress Ctrl-C to stop everything.");
        Thread.currentThread().join();
    }

    /**
     * The supervisor of a detached system, a JVM of its own: starts the system and supervises it. down.sh stops it
     * first: from then on it starts nothing, and down.sh stops the processes by their pid files.
     */
    private static void supervise(Settings settings) throws InterruptedException {
        LocalSystem system = new LocalSystem(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            system.stopSupervising();
            if (system.supervisor != null) {
                system.supervisor.say("supervisor stopped: from now on nothing is started again");
            }
        }));
        long begin = System.nanoTime();
        try {
            system.start();
        } catch (RuntimeException e) {
            System.err.println("\nkefu did not start: " + e.getMessage());
            system.close();
            System.exit(1);
        }
        system.printSummary(Duration.ofNanos(System.nanoTime() - begin).toSeconds());
        System.out.println("\n" + SUPERVISED);
        Thread.currentThread().join();
    }

    /**
     * Starts the supervisor as a process of its own, shows its output until the system is up (or did not start, with
     * the reason) and returns. Interrupted before, it stops what was started.
     */
    private static void upDetached(Settings settings) throws Exception {
        LocalSystem system = new LocalSystem(settings);
        system.checkNotRunning();
        ManagedProcess supervisor = system.process(SUPERVISOR);
        Thread stopOnInterrupt = new Thread(() -> down(settings.dataDir()));
        Runtime.getRuntime().addShutdownHook(stopOnInterrupt);
        List<String> supervise = new ArrayList<>(List.of(system.java.toString(), "-Xmx128m", "-XX:+UseSerialGC",
                "-Dkefu.root=" + settings.root(), "-cp", system.classPath(), LocalSystem.class.getName(), "supervise"));
        if (settings.cluster()) {
            supervise.add("--cluster");
        }
        supervisor.start(supervise, Map.of("DATA_DIR", settings.dataDir().toString()));
        boolean up = supervisor.followLog(line -> {
            if (!line.equals(SUPERVISED)) {
                (line.startsWith("kefu did not start") ? System.err : System.out).println(line);
            }
        }, SUPERVISED::equals);
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnInterrupt);
        } catch (IllegalStateException interrupted) {
            return; // the hook is stopping everything
        }
        if (!up) {
            ManagedProcess.deletePidFile(supervisorPidFile(settings.dataDir()));
            System.exit(1);
        }
        System.out.println(SUPERVISED); // the blank line before it came from the supervisor's output
        System.out.println("  supervisor         pid " + supervisor.pid() + "   log " + supervisor.log());
        System.out.println("\nRunning in the background; stop it with deploy/local/down.sh");
    }

    /**
     * Stops a system started by up.sh, using the pid files under the data folder: first its supervisor (a detached
     * one, or the JVM of a system in the foreground, which then stops the rest itself), so that nothing is started
     * again, then every process left.
     */
    public static void down(Path dataDir) {
        Path supervisor = supervisorPidFile(dataDir);
        if (Files.exists(supervisor)) {
            System.out.println("stopping " + SUPERVISOR);
            ManagedProcess.stopByPidFile(supervisor, false); // what it started is stopped below, each gently
        }
        for (String name : STOP_ORDER) {
            Path pidFile = dataDir.resolve("run").resolve(name + ".pid");
            if (Files.exists(pidFile)) {
                System.out.println("stopping " + name);
                ManagedProcess.stopByPidFile(pidFile);
            }
        }
    }

    private static Path supervisorPidFile(Path dataDir) {
        return dataDir.resolve("run").resolve(SUPERVISOR + ".pid");
    }

    /** Ends this JVM, saying why, when kefu already runs with this data folder or on these ports. */
    private void checkNotRunning() {
        try {
            ManagedProcess.livePid(supervisorPidFile(settings.dataDir())).ifPresent(pid -> {
                throw new IllegalStateException("kefu is already running with " + settings.dataDir() + " (supervisor pid "
                        + pid + "); deploy/local/down.sh stops it.");
            });
            checkPortsFree();
        } catch (RuntimeException e) {
            System.err.println("\nkefu did not start: " + e.getMessage());
            System.exit(1);
        }
    }

    public void start() {
        checkPortsFree();
        if (settings.pgUrl() == null) {
            startPostgres();
        } else {
            createDatabases();
        }
        if (settings.kafkaBootstrap() == null) {
            if (settings.cluster()) {
                startKafkaCluster();
            } else {
                startKafka();
            }
        }
        for (Service service : settings.services()) {
            startService(service);
        }
    }

    public String gatewayUrl() {
        return settings.services().stream().filter(s -> s.name().equals("gateway")).findFirst()
                .map(s -> "http://127.0.0.1:" + s.port()).orElseThrow();
    }

    /** The gateways' addresses: one, or two in a cluster. */
    public List<String> gatewayUrls() {
        return settings.services().stream().filter(s -> s.name().equals("gateway"))
                .map(s -> "http://127.0.0.1:" + s.port()).toList();
    }

    public String bootstrap() {
        return settings.bootstrap();
    }

    /** Pid of each process this system started, by name. */
    public Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        started.forEach(process -> pids.put(process.name(), process.pid()));
        return pids;
    }

    public Path log(String name) {
        return processes.get(name).log();
    }

    private void checkPortsFree() {
        Map<Integer, String> needed = new HashMap<>();
        if (settings.pgUrl() == null) {
            needed.put(settings.postgresPort(), "the embedded PostgreSQL (set POSTGRES_PORT or PG_URL)");
        }
        if (settings.kafkaBootstrap() == null && !settings.cluster()) {
            needed.put(settings.kafkaPort(), "the Kafka broker (set KAFKA_PORT or KAFKA_BOOTSTRAP)");
            needed.put(settings.kafkaPort() + 1, "the Kafka controller (set KAFKA_PORT or KAFKA_BOOTSTRAP)");
        }
        if (settings.kafkaBootstrap() == null && settings.cluster()) {
            for (int port : settings.brokerPorts()) {
                needed.put(port, "a Kafka broker (set KAFKA_PORT or KAFKA_BOOTSTRAP)");
                needed.put(port + CONTROLLER_OFFSET, "a Kafka controller (set KAFKA_PORT or KAFKA_BOOTSTRAP)");
            }
        }
        settings.services().forEach(service -> needed.put(service.port(), service.process()));
        needed.forEach((port, user) -> {
            try (ServerSocket probe = new ServerSocket()) {
                // as the servers bind: a port held only in TIME_WAIT by an earlier client's connection is free
                probe.setReuseAddress(true);
                probe.bind(new InetSocketAddress("127.0.0.1", port));
            } catch (IOException e) {
                throw new IllegalStateException("port " + port + " is already in use; " + user + " needs it. "
                        + "Is kefu already running? deploy/local/down.sh stops it.");
            }
        });
    }

    public void startPostgres() {
        ManagedProcess postgres = process("postgres");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx128m", "-XX:+UseSerialGC",
                "-cp", classPath(), LocalPostgres.class.getName(),
                settings.dataDir().resolve("postgres").toString(), Integer.toString(settings.postgresPort())));
        if (!settings.durable()) {
            command.add(LocalPostgres.NOT_DURABLE);
        }
        settings.services().stream().map(Service::database).filter(db -> db != null).forEach(command::add);
        launch(postgres, command, Map.of(), () -> postgres.logContains("READY postgres"), Duration.ofSeconds(90));
        System.out.println("  postgres   127.0.0.1:" + settings.postgresPort() + "   log " + postgres.log()
                + (settings.durable() ? "" : "   NOT DURABLE: commits are not flushed to disk"));
    }

    public void startKafka() {
        ManagedProcess kafka = process("kafka");
        Path dir = settings.dataDir().resolve("kafka");
        Path properties;
        try {
            properties = writeKafkaConfiguration(dir);
            if (!Files.exists(dir.resolve("logs").resolve("meta.properties"))) {
                formatKafkaStorage(properties);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot prepare the Kafka broker in " + dir + ": " + e.getMessage(), e);
        }
        launch(kafka, List.of(java.toString(), "-Xmx512m", "-XX:+UseG1GC",
                        "-Dlog4j.configuration=file:" + dir.resolve("log4j.properties"),
                        "-cp", classPath(), "kafka.Kafka", properties.toString()), Map.of(),
                () -> kafka.logContains("Kafka Server started") && accepts(settings.kafkaPort()),
                Duration.ofSeconds(90));
        System.out.println("  kafka      " + settings.bootstrap() + "   log " + kafka.log());
    }

    /** A cluster's broker's controller listens on its port + this. */
    static final int CONTROLLER_OFFSET = 100;

    /**
     * Three KRaft nodes, each a broker and a controller, started together (a controller waits for a majority of the
     * others), then each waited on. Every topic the services make has three copies, two of them in sync before a write
     * is acknowledged ({@code acks=all}): one broker may die without losing or refusing a write.
     */
    public void startKafkaCluster() {
        String clusterId = null;
        Map<ManagedProcess, Integer> brokers = new LinkedHashMap<>();
        for (int port : settings.brokerPorts()) {
            int node = port - settings.kafkaPort() + 1;
            ManagedProcess kafka = process("kafka-" + node);
            Path dir = settings.dataDir().resolve("kafka-" + node);
            try {
                Path properties = writeClusterBrokerConfiguration(dir, node, port);
                if (!Files.exists(dir.resolve("logs").resolve("meta.properties"))) {
                    if (clusterId == null) {
                        clusterId = existingClusterId().orElse(org.apache.kafka.common.Uuid.randomUuid().toString());
                    }
                    formatKafkaStorage(properties, clusterId);
                }
                begin(kafka, List.of(java.toString(), "-Xmx320m", "-XX:+UseSerialGC",
                        "-Dlog4j.configuration=file:" + dir.resolve("log4j.properties"),
                        "-cp", classPath(), "kafka.Kafka", properties.toString()), Map.of());
            } catch (IOException e) {
                throw new IllegalStateException("cannot prepare the Kafka broker in " + dir + ": " + e.getMessage(), e);
            }
            brokers.put(kafka, port);
        }
        brokers.forEach((kafka, port) -> {
            ready(kafka, () -> kafka.logContains("Kafka Server started") && accepts(port), Duration.ofSeconds(120));
            System.out.println("  " + kafka.name() + "    127.0.0.1:" + port + "   log " + kafka.log());
        });
    }

    /** The id of the cluster a broker of it was formatted for (one broker's data lost: it joins the others again). */
    private Optional<String> existingClusterId() throws IOException {
        for (int node = 1; node <= settings.brokers(); node++) {
            Path meta = settings.dataDir().resolve("kafka-" + node).resolve("logs").resolve("meta.properties");
            if (Files.exists(meta)) {
                for (String line : Files.readAllLines(meta)) {
                    if (line.startsWith("cluster.id=")) {
                        return Optional.of(line.substring("cluster.id=".length()).trim());
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Kills a process of this system as a crash would ({@code kill -9}), for the fault tests; nothing restarts it. */
    public void kill(String name) {
        ManagedProcess process = processes.get(name);
        ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroyForcibly);
        synchronized (this) {
            started.remove(process);
        }
    }

    /** Stops PostgreSQL as an outage would, keeping its data; {@link #startPostgres()} brings it back (fault tests). */
    public void stopPostgres() {
        ManagedProcess postgres = processes.get("postgres");
        postgres.stop();
        synchronized (this) {
            started.remove(postgres);
        }
    }

    /** Freezes a process ({@code kill -STOP}): it holds its ports and connections but answers nothing (fault tests). */
    public void pause(String name) {
        signal(name, "STOP");
    }

    /** Lets a paused process run again ({@code kill -CONT}). */
    public void resume(String name) {
        signal(name, "CONT");
    }

    private void signal(String name, String signal) {
        long pid = processes.get(name).pid();
        try {
            int exit = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException("kill -" + signal + " " + pid + " (" + name + ") exited with " + exit);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot signal " + name + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signalling " + name, e);
        }
    }

    /** Stops the broker as a crash or an outage would, keeping its data (for tests of the relay). */
    public void stopKafka() {
        ManagedProcess kafka = processes.get("kafka");
        kafka.stop();
        synchronized (this) {
            started.remove(kafka);
        }
    }

    public void startService(Service service) {
        ManagedProcess process = process(service.process());
        Path jar = jar(service);
        Map<String, String> env = new HashMap<>();
        env.put("PORT", Integer.toString(service.port()));
        env.put("KAFKA_BOOTSTRAP", settings.bootstrap());
        env.put("PG_USER", settings.pgUser());
        env.put("PG_PASSWORD", settings.pgPassword());
        env.put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        if (service.database() != null) {
            env.put("KEFU_DB_URL", settings.databaseUrl(service.database()));
        }
        settings.services().stream().filter(other -> !other.isGateway() && other.instance() == 1)
                .forEach(other -> env.put(other.name().replace("-", "_").toUpperCase() + "_URL",
                        "http://127.0.0.1:" + other.port()));
        String heap = service.name().equals(AUDIT_SERVICE) ? "-Xmx192m" : "-Xmx384m";
        List<String> command = new ArrayList<>(List.of(java.toString(), heap, "-XX:+UseSerialGC", "-Xss512k",
                "-Dfile.encoding=UTF-8", "-Daxoniq.update-checker.disabled=true",
                "-Ddisable-axoniq-console-message=true"));
        synchronized (this) {
            command.addAll(serviceJvmOptions);
        }
        command.addAll(List.of("-jar", jar.toString(), "--spring.profiles.active=local"));
        if (settings.cluster()) {
            command.addAll(clusterArguments(service, env));
        }
        synchronized (this) {
            command.addAll(arguments.getOrDefault(service.name(), List.of()));
        }
        launch(process, command, env, () -> ManagedProcess.healthy(service.port()), SERVICE_START);
        System.out.printf("  %-20s http://127.0.0.1:%d   log %s%n", service.process(), service.port(), process.log());
    }

    /**
     * A service of the cluster publishes on topics with three copies, two in sync, keeps fewer connections (ten
     * instances share PostgreSQL's 200) and looks for the other instance's events every 50 ms (its own wake its relay
     * at their commit; alone it looks every 250 ms); a gateway sends each route to its service's instances by the service's name
     * (R6).
     */
    private List<String> clusterArguments(Service service, Map<String, String> env) {
        if (!service.isGateway()) {
            return List.of("--kefu.relay.replication-factor=3", "--kefu.relay.min-insync-replicas=2",
                    "--spring.datasource.hikari.maximum-pool-size=15", "--kefu.processors.fetch-delay=50ms");
        }
        List<String> arguments = new ArrayList<>();
        Map<String, List<String>> instances = new LinkedHashMap<>();
        settings.services().stream().filter(other -> !other.isGateway()).forEach(other -> instances
                .computeIfAbsent(other.name(), name -> new ArrayList<>()).add("http://127.0.0.1:" + other.port()));
        instances.forEach((name, urls) -> {
            env.put(name.replace("-", "_").toUpperCase() + "_URL", "http://" + name);
            arguments.add("--kefu.gateway.proxy.instances." + name + "=" + String.join(",", urls));
        });
        return arguments;
    }

    /**
     * Stops the gateway and the services together (each waited on, at most 30 s), then the broker and PostgreSQL: a
     * stop in a JVM's shutdown hook must be quick, or the JVM is ended before it is done. Nothing is started again.
     */
    @Override
    public void close() {
        stopSupervising();
        List<ManagedProcess> reverse;
        synchronized (this) {
            reverse = new ArrayList<>(started);
        }
        Collections.reverse(reverse);
        List<Thread> stopping = reverse.stream().filter(process -> !infrastructure(process.name()))
                .map(process -> new Thread(process::stop, "stop-" + process.name())).toList();
        stopping.forEach(Thread::start);
        for (Thread thread : stopping) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        reverse.stream().filter(process -> infrastructure(process.name())).forEach(ManagedProcess::stop);
        synchronized (this) {
            started.clear();
        }
    }

    private static boolean infrastructure(String process) {
        return INFRASTRUCTURE.contains(process) || process.startsWith("kafka-");
    }

    /** From now on nothing is started, nor started again; the processes keep running. */
    void stopSupervising() {
        synchronized (this) {
            halted = true;
        }
        if (supervisor != null) {
            supervisor.close();
        }
    }

    private void printSummary(long seconds) {
        System.out.println("\nkefu is up (" + seconds + " s).");
        System.out.println("  API and login:  " + gatewayUrl() + "/api   (POST /api/auth/token)");
        System.out.println("  staff console:  " + gatewayUrl() + "/console/   (users in the README, password demo)");
        System.out.println("  health:         " + gatewayUrl() + "/actuator/health");
        settings.services().forEach(service -> System.out.printf("  %-20s OpenAPI http://127.0.0.1:%d/swagger-ui.html%n",
                service.process(), service.port()));
        System.out.println("  data and logs:  " + settings.dataDir());
    }

    private ManagedProcess process(String name) {
        return processes.computeIfAbsent(name, n -> new ManagedProcess(n, settings.dataDir()));
    }

    /** Starts a process, waits until it is ready and, when the system is supervised, has it watched from then on. */
    private void launch(ManagedProcess process, List<String> command, Map<String, String> env, BooleanSupplier ready,
                        Duration readyWithin) {
        begin(process, command, env);
        ready(process, ready, readyWithin);
    }

    private void begin(ManagedProcess process, List<String> command, Map<String, String> env) {
        synchronized (this) {
            if (halted) {
                throw new IllegalStateException("stopping: " + process.name() + " is not started");
            }
            try {
                process.start(command, env);
                started.add(process);
            } catch (IOException e) {
                throw new IllegalStateException("cannot start " + process.name() + ": " + e.getMessage(), e);
            }
        }
    }

    private void ready(ManagedProcess process, BooleanSupplier ready, Duration readyWithin) {
        process.awaitReady(ready, readyWithin);
        if (supervisor != null) {
            supervisor.watch(process, ready, readyWithin);
        }
    }

    private Path jar(Service service) {
        Path target = settings.root().resolve(service.module()).resolve("target");
        try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
            return files.filter(f -> f.getFileName().toString().endsWith("-exec.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no runnable jar of " + service.name() + " in "
                            + target + "; build first: ./mvnw -DskipTests package"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + target, e);
        }
    }

    private String classPath() {
        Path lib = settings.root().resolve("deploy").resolve("target").resolve("lib");
        Path classes = settings.root().resolve("deploy").resolve("target").resolve("classes");
        return classes + ":" + lib + "/*";
    }

    private Path writeKafkaConfiguration(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("logs"));
        Path properties = dir.resolve("server.properties");
        int port = settings.kafkaPort();
        Files.writeString(properties, """
                # written by LocalSystem: a single-node KRaft broker for the local system
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@127.0.0.1:%d
                listeners=PLAINTEXT://127.0.0.1:%d,CONTROLLER://127.0.0.1:%d
                advertised.listeners=PLAINTEXT://127.0.0.1:%d
                controller.listener.names=CONTROLLER
                listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
                inter.broker.listener.name=PLAINTEXT
                log.dirs=%s
                num.partitions=3
                # topics are made by the service that publishes on them, with its settings (kept for ever): never by
                # a consumer that subscribed first, with the broker's default week of retention
                auto.create.topics.enable=false
                offsets.topic.replication.factor=1
                offsets.topic.num.partitions=3
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                group.initial.rebalance.delay.ms=0
                """.formatted(port + 1, port, port + 1, port, dir.resolve("logs")));
        writeKafkaLogging(dir);
        return properties;
    }

    private static void writeKafkaLogging(Path dir) throws IOException {
        Files.writeString(dir.resolve("log4j.properties"), """
                log4j.rootLogger=INFO, stdout
                log4j.appender.stdout=org.apache.log4j.ConsoleAppender
                log4j.appender.stdout.layout=org.apache.log4j.PatternLayout
                log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n
                log4j.logger.kafka=INFO
                log4j.logger.org.apache.kafka=WARN
                log4j.logger.kafka.server.KafkaRaftServer=INFO
                """);
    }

    /** One of the cluster's three nodes: a broker and a controller of the quorum of all three. */
    private Path writeClusterBrokerConfiguration(Path dir, int node, int port) throws IOException {
        Files.createDirectories(dir.resolve("logs"));
        Path properties = dir.resolve("server.properties");
        String voters = String.join(",", settings.brokerPorts().stream()
                .map(p -> (p - settings.kafkaPort() + 1) + "@127.0.0.1:" + (p + CONTROLLER_OFFSET)).toList());
        Files.writeString(properties, """
                # written by LocalSystem: node %d of the local cluster's three KRaft nodes (broker and controller)
                process.roles=broker,controller
                node.id=%d
                controller.quorum.voters=%s
                listeners=PLAINTEXT://127.0.0.1:%d,CONTROLLER://127.0.0.1:%d
                advertised.listeners=PLAINTEXT://127.0.0.1:%d
                controller.listener.names=CONTROLLER
                listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
                inter.broker.listener.name=PLAINTEXT
                log.dirs=%s
                num.partitions=3
                auto.create.topics.enable=false
                # three copies of everything, two in sync before a write is acknowledged: one broker may die
                default.replication.factor=3
                min.insync.replicas=2
                offsets.topic.replication.factor=3
                offsets.topic.num.partitions=3
                transaction.state.log.replication.factor=3
                transaction.state.log.min.isr=2
                unclean.leader.election.enable=false
                group.initial.rebalance.delay.ms=0
                """.formatted(node, node, voters, port, port + CONTROLLER_OFFSET, port, dir.resolve("logs")));
        writeKafkaLogging(dir);
        return properties;
    }

    private void formatKafkaStorage(Path properties) throws IOException {
        formatKafkaStorage(properties, org.apache.kafka.common.Uuid.randomUuid().toString());
    }

    private void formatKafkaStorage(Path properties, String clusterId) throws IOException {
        Path log = settings.dataDir().resolve("logs").resolve("kafka-format.log");
        Files.createDirectories(log.getParent());
        Process format = new ProcessBuilder(java.toString(), "-cp", classPath(), "kafka.tools.StorageTool", "format",
                "-t", clusterId, "-c", properties.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (format.waitFor() != 0) {
                throw new IllegalStateException("formatting Kafka's storage failed; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while formatting Kafka's storage", e);
        }
    }

    private void createDatabases() {
        try (Connection admin = DriverManager.getConnection(settings.pgUrl(), settings.pgUser(), settings.pgPassword());
             Statement sql = admin.createStatement()) {
            for (Service service : settings.services()) {
                if (service.database() == null) {
                    continue;
                }
                try (ResultSet rows = sql.executeQuery(
                        "select 1 from pg_database where datname = '" + service.database() + "'")) {
                    if (!rows.next()) {
                        sql.execute("create database " + service.database());
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot use the PostgreSQL at " + settings.pgUrl() + " as " + settings.pgUser()
                    + ": " + e.getMessage(), e);
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
