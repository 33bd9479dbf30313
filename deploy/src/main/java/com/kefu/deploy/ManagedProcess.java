package com.kefu.deploy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * One process of the local system: started with its output in a log file and its pid in a pid file, waited on
 * until it is ready, stopped gently and then firmly. It remembers how it was started, so that a {@link Supervisor}
 * can start it again after it died, and whether it was asked to stop, so that a stop is never taken for a death.
 */
final class ManagedProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path log;
    private final Path pidFile;
    private volatile Process process;
    private volatile boolean stopRequested;
    /** Counts the starts: an exit seen by a watcher is a death only if nothing started the process again since. */
    private int generation;
    private List<String> command;
    private Map<String, String> environment;
    /** Where this start's output begins in the log, which keeps the output of earlier starts. */
    private long logStart;

    /** How a start of the process ended: its exit code, and which start it was. */
    record Exit(int code, int generation) {
    }

    ManagedProcess(String name, Path dataDir) {
        this.name = name;
        this.log = dataDir.resolve("logs").resolve(name + ".log");
        this.pidFile = dataDir.resolve("run").resolve(name + ".pid");
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    synchronized void start(List<String> command, Map<String, String> environment) throws IOException {
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        stopRequested = false;
        generation++;
        Files.createDirectories(log.getParent());
        logStart = Files.exists(log) ? Files.size(log) : 0;
        Files.createDirectories(pidFile.getParent());
        List<String> detached = Path.of("/usr/bin/setsid").toFile().canExecute()
                ? concat("/usr/bin/setsid", command) : command;
        ProcessBuilder builder = new ProcessBuilder(detached)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().putAll(environment);
        process = builder.start();
        Files.writeString(pidFile, Long.toString(process.pid()));
    }

    /**
     * Waits until the process started last exits. Empty when it was asked to stop, or was started again meanwhile:
     * those are no deaths.
     */
    Optional<Exit> awaitExit() throws InterruptedException {
        Process watched;
        int started;
        synchronized (this) {
            watched = process;
            started = generation;
        }
        if (watched == null) {
            return Optional.empty();
        }
        int code = watched.waitFor();
        synchronized (this) {
            return stopRequested || generation != started ? Optional.empty() : Optional.of(new Exit(code, started));
        }
    }

    /** Starts the process again as it was started before, unless it was asked to stop or started since it exited. */
    synchronized boolean restartAfter(Exit exit) throws IOException {
        if (stopRequested || generation != exit.generation()) {
            return false;
        }
        start(command, environment);
        return true;
    }

    long pid() {
        return process == null ? -1 : process.pid();
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** Waits until {@code ready} holds; fails with the log's last lines if the process dies or time runs out. */
    void awaitReady(BooleanSupplier ready, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!alive()) {
                throw new IllegalStateException(name + " stopped while starting; its log " + log + " ends with:\n"
                        + tail(40));
            }
            if (ready.getAsBoolean()) {
                return;
            }
            sleep(300);
        }
        throw new IllegalStateException(name + " was not ready within " + timeout.toSeconds() + " s; its log " + log
                + " ends with:\n" + tail(40));
    }

    /** Whether this start's output (not an earlier one's, kept in the same log) contains the text. */
    boolean logContains(String text) {
        try (var in = Files.newInputStream(log)) {
            in.skipNBytes(logStart);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Passes each line this start writes to {@code each}, as it is written, until one matches {@code until} (true) or
     * the process has exited and every line it wrote was passed (false).
     */
    boolean followLog(Consumer<String> each, Predicate<String> until) throws IOException {
        long position = logStart;
        // bytes, not characters: a read may end inside a character, never inside a line break
        ByteArrayOutputStream partial = new ByteArrayOutputStream();
        while (true) {
            boolean exited = !alive(); // before reading: what it wrote before it exited is read below
            byte[] added;
            try (var in = Files.newInputStream(log)) {
                in.skipNBytes(position);
                added = in.readAllBytes();
            }
            position += added.length;
            for (byte b : added) {
                if (b != '\n') {
                    partial.write(b);
                    continue;
                }
                String line = partial.toString(StandardCharsets.UTF_8);
                partial.reset();
                each.accept(line);
                if (until.test(line)) {
                    return true;
                }
            }
            if (exited) {
                if (partial.size() > 0) {
                    each.accept(partial.toString(StandardCharsets.UTF_8));
                }
                return false;
            }
            sleep(200);
        }
    }

    static boolean healthy(int port) {
        try {
            HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return health.statusCode() == 200 && health.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops the process on purpose: its exit is no death, and a supervisor does not start it again. */
    void stop() {
        Process stopping;
        synchronized (this) {
            stopRequested = true;
            stopping = process;
        }
        if (stopping == null) {
            stopByPidFile(pidFile);
            return;
        }
        stop(stopping.toHandle(), true);
        synchronized (this) {
            if (process == stopping) {
                process = null;
            }
        }
        deletePidFile(pidFile);
    }

    /** Stops the process a pid file names, and what it started that outlives it (the way {@code down.sh} stops). */
    static void stopByPidFile(Path pidFile) {
        stopByPidFile(pidFile, true);
    }

    /**
     * Stops the process a pid file names; with {@code descendants} false, what it started keeps running (a supervisor,
     * whose processes are stopped each by its own pid file).
     */
    static void stopByPidFile(Path pidFile, boolean descendants) {
        readPid(pidFile).flatMap(ProcessHandle::of).ifPresent(handle -> stop(handle, descendants));
        deletePidFile(pidFile);
    }

    /** The pid a pid file names, if that process runs. */
    static Optional<Long> livePid(Path pidFile) {
        return readPid(pidFile).filter(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    }

    static void writePidFile(Path pidFile, long pid) throws IOException {
        Files.createDirectories(pidFile.getParent());
        Files.writeString(pidFile, Long.toString(pid));
    }

    private static void stop(ProcessHandle handle, boolean descendants) {
        List<ProcessHandle> children = descendants ? handle.descendants().toList() : List.of();
        handle.destroy();
        try {
            handle.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            handle.destroyForcibly();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            return Files.exists(pidFile) ? Optional.of(Long.parseLong(Files.readString(pidFile).trim()))
                    : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    static void deletePidFile(Path pidFile) {
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException ignored) {
            // a stale pid file names no live process: harmless
        }
    }

    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static List<String> concat(String first, List<String> rest) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(first), rest.stream()).toList();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
