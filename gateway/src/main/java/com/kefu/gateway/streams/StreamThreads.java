package com.kefu.gateway.streams;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The streams' threads: senders that write to clients (as many as are busy at once) and one scheduler for heartbeats
 * and dashboard updates, and one for reading the notifications' rows.
 * Not beans of their own: an {@code Executor} bean would replace Spring Boot's task executor.
 */
final class StreamThreads implements AutoCloseable {

    final ExecutorService senders = Executors.newCachedThreadPool(daemons("stream-sender-"));
    final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(daemons("stream-scheduler-"));
    /** Reads the notifications' rows: a slow database delays no heartbeat and no dashboard update. */
    final ScheduledExecutorService notificationPoller =
            Executors.newSingleThreadScheduledExecutor(daemons("stream-notifications-"));

    @Override
    public void close() {
        scheduler.shutdownNow();
        notificationPoller.shutdownNow();
        senders.shutdownNow();
    }

    private static ThreadFactory daemons(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
