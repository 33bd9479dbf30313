package com.kefu.deploy;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * Restarts a process of the local system that dies without having been asked to stop, and says so on its output.
 * It waits before each restart: 1 s, then twice as long after each death in a row, at most 60 s; a process that
 * stayed up for 2 minutes starts again at 1 s. A restarted process is waited on until it is ready, as at start.
 * A process stopped on purpose ({@link ManagedProcess#stop()}), or any process once the supervisor is closed, is
 * left as it is.
 */
final class Supervisor implements AutoCloseable {

    static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    static final Duration MAX_DELAY = Duration.ofSeconds(60);
    /** Up this long, a process that dies is taken for one that died once, not for one that keeps dying. */
    static final Duration STABLE = Duration.ofMinutes(2);

    /** Waits as long as it is told: {@link Thread#sleep}, or in a test a note of how long and no wait. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final PrintStream out;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Set<String> watched = ConcurrentHashMap.newKeySet();
    private final Object restarting = new Object();
    private boolean closed;

    Supervisor(PrintStream out) {
        this(out, Clock.systemDefaultZone(), duration -> Thread.sleep(duration.toMillis()));
    }

    Supervisor(PrintStream out, Clock clock, Sleeper sleeper) {
        this.out = out;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /**
     * Watches a process that was started and is ready; after a death it is started again and waited on until
     * {@code ready} holds (at most {@code readyWithin}).
     */
    void watch(ManagedProcess process, BooleanSupplier ready, Duration readyWithin) {
        watched.add(process.name());
        Thread watcher = new Thread(() -> {
            try {
                supervise(process, ready, readyWithin);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                watched.remove(process.name());
            }
        }, "supervise-" + process.name());
        watcher.setDaemon(true);
        watcher.start();
    }

    /** The processes watched now: one stopped on purpose, or seen to exit after the supervisor closed, is not. */
    Set<String> watched() {
        return Set.copyOf(watched);
    }

    /** How long to wait before a restart, after this many deaths in a row (the first is 1). */
    static Duration delay(int deathsInARow) {
        int doublings = Math.min(deathsInARow - 1, 6); // 2^6 s is past the cap already
        Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    /** From now on nothing is restarted; a restart under way is finished first, so it leaves a pid file. */
    @Override
    public void close() {
        synchronized (restarting) {
            closed = true;
        }
    }

    private void supervise(ManagedProcess process, BooleanSupplier ready, Duration readyWithin)
            throws InterruptedException {
        Instant healthySince = clock.instant();
        int deathsInARow = 0;
        int restarts = 0;
        while (true) {
            Optional<ManagedProcess.Exit> exit = process.awaitExit();
            if (exit.isEmpty() || isClosed()) {
                return;
            }
            if (healthySince != null && !clock.instant().isBefore(healthySince.plus(STABLE))) {
                deathsInARow = 0;
            }
            deathsInARow++;
            restarts++;
            Duration delay = delay(deathsInARow);
            say("%s exited (code %d); restarting in %d s (restart %d)", process.name(), exit.get().code(),
                    delay.toSeconds(), restarts);
            sleeper.sleep(delay);
            synchronized (restarting) {
                try {
                    if (closed || !process.restartAfter(exit.get())) {
                        return;
                    }
                } catch (IOException e) {
                    say("%s cannot be started again, and stays down: %s", process.name(), e.getMessage());
                    return;
                }
            }
            healthySince = null;
            try {
                process.awaitReady(ready, readyWithin);
                healthySince = clock.instant();
                say("%s restarted (pid %d)", process.name(), process.pid());
            } catch (IllegalStateException notReady) {
                if (!isClosed()) {
                    say("%s", notReady.getMessage().lines().findFirst().orElse(process.name() + " is not ready"));
                }
            }
        }
    }

    private boolean isClosed() {
        synchronized (restarting) {
            return closed;
        }
    }

    /** A line of the supervisor's output, with the time of its clock. */
    void say(String format, Object... arguments) {
        out.println(LocalTime.now(clock).truncatedTo(ChronoUnit.SECONDS) + " " + format.formatted(arguments));
    }
}
