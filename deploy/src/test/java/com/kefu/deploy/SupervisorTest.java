package com.kefu.deploy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The supervisor with real, tiny child processes ({@code sleep}, {@code sh}) and no system around them. Its waits
 * are noted, not waited; its clock moves only when a test moves it.
 */
class SupervisorTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @TempDir
    Path data;

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final List<Duration> waits = new CopyOnWriteArrayList<>();
    private final MovableClock clock = new MovableClock();
    private final Supervisor supervisor = new Supervisor(new PrintStream(output, true, StandardCharsets.UTF_8), clock,
            waits::add);
    private final List<ManagedProcess> processes = new ArrayList<>();

    @AfterEach
    void stopAll() {
        supervisor.close();
        processes.forEach(ManagedProcess::stop);
    }

    @Test
    @DisplayName("a process killed with SIGKILL is started again after the back-off, which grows with each death in a "
            + "row and starts again at 1 s once the process ran 2 minutes; the output says each death and restart")
    void killedProcessIsRestarted() throws Exception {
        ManagedProcess sleeper = started("sleeper", "sleep", "600");
        supervisor.watch(sleeper, sleeper::alive, DEADLINE);

        long second = killAndAwaitRestart(sleeper);
        assertThat(output()).contains("sleeper exited (code 137); restarting in 1 s (restart 1)",
                "sleeper restarted (pid " + second + ")");
        assertThat(ProcessHandle.of(second).map(ProcessHandle::isAlive)).hasValue(true);

        killAndAwaitRestart(sleeper);
        assertThat(output()).contains("sleeper exited (code 137); restarting in 2 s (restart 2)");

        clock.move(Supervisor.STABLE);
        killAndAwaitRestart(sleeper);
        assertThat(output()).contains("sleeper exited (code 137); restarting in 1 s (restart 3)");
        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(1));
    }

    @Test
    @DisplayName("a process that keeps dying is started again after 1 s, 2 s, 4 s … and at most 60 s")
    void backOffDoublesUpToAMinute() {
        ManagedProcess crasher = started("crasher", "sh", "-c", "exit 3");
        supervisor.watch(crasher, () -> true, DEADLINE);

        await().atMost(DEADLINE).until(() -> waits.size() >= 8);
        supervisor.close();
        assertThat(List.copyOf(waits).subList(0, 8)).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(16), Duration.ofSeconds(32),
                Duration.ofSeconds(60), Duration.ofSeconds(60));
        assertThat(output()).contains("crasher exited (code 3); restarting in 32 s (restart 6)",
                "crasher exited (code 3); restarting in 60 s (restart 8)");
    }

    @Test
    @DisplayName("a process stopped on purpose is not started again, nor one that dies after the supervisor closed")
    void stopsOnPurposeAreNoDeaths() {
        ManagedProcess stopped = started("stopped", "sleep", "600");
        ManagedProcess left = started("left", "sleep", "600");
        supervisor.watch(stopped, stopped::alive, DEADLINE);
        supervisor.watch(left, left::alive, DEADLINE);

        stopped.stop();
        await().atMost(DEADLINE).until(() -> !supervisor.watched().contains("stopped"));
        supervisor.close();
        long pid = left.pid();
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        await().atMost(DEADLINE).until(() -> supervisor.watched().isEmpty());

        assertThat(stopped.alive()).isFalse();
        assertThat(left.alive()).isFalse();
        assertThat(left.pid()).isEqualTo(pid);
        assertThat(waits).isEmpty();
        assertThat(output()).isEmpty();
    }

    private ManagedProcess started(String name, String... command) {
        ManagedProcess process = new ManagedProcess(name, data);
        try {
            process.start(List.of(command), Map.of());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        processes.add(process);
        return process;
    }

    /** Kills the process as the kernel's OOM killer would; the pid of the process started in its place. */
    private long killAndAwaitRestart(ManagedProcess process) {
        long before = process.pid();
        int restartsBefore = waits.size();
        ProcessHandle.of(before).ifPresent(ProcessHandle::destroyForcibly);
        await().atMost(DEADLINE).until(() -> waits.size() > restartsBefore && process.pid() != before
                && output().contains(process.name() + " restarted (pid " + process.pid() + ")"));
        return process.pid();
    }

    private String output() {
        return output.toString(StandardCharsets.UTF_8);
    }

    /** A clock that stands still until the test moves it. */
    private static final class MovableClock extends Clock {

        private volatile Instant now = Instant.parse("2026-03-02T08:00:00Z");

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
