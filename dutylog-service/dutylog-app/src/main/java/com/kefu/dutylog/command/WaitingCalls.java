package com.kefu.dutylog.command;

import com.kefu.dutylog.command.ShiftDesk.CallsWaiting;
import com.kefu.dutylog.command.ShiftDesk.ComplaintCall;
import com.kefu.dutylog.config.DutylogProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Takes the complaint calls that waited for a shift into the shift on duty (D11), a batch per short transaction
 * ({@link ShiftDesk#takeWaitingCalls}), in the order they were received. A shift opens at once however many calls
 * wait, and the desk's lock is held for one batch at a time: the other writes of the duty log go in between.
 * Woken after the commit of whatever leaves calls waiting while a shift is open; the sweep on the schedule takes
 * in what an interrupted run (a restart, a failed batch) left behind.
 */
@Component
class WaitingCalls {

    private static final Logger log = LoggerFactory.getLogger(WaitingCalls.class);

    private final ShiftDesk desk;
    private final int batch;
    private final AtomicBoolean requested = new AtomicBoolean();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "waiting-calls");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean stopping;

    WaitingCalls(ShiftDesk desk, DutylogProperties properties) {
        this.desk = desk;
        this.batch = properties.waitingCallsBatch();
    }

    @TransactionalEventListener
    void on(CallsWaiting event) {
        wake();
    }

    @Scheduled(fixedDelayString = "${kefu.dutylog.waiting-calls-check:1m}", initialDelayString = "10s")
    void sweep() {
        wake();
    }

    /** At most one run waits behind the one running: a wake during a run is served by one more run. */
    private void wake() {
        if (requested.compareAndSet(false, true)) {
            try {
                worker.execute(this::takeIn);
            } catch (RejectedExecutionException stopped) {
                requested.set(false);
            }
        }
    }

    private void takeIn() {
        requested.set(false);
        try {
            ComplaintCall after = null;
            List<ComplaintCall> read;
            do {
                read = desk.takeWaitingCalls(after, batch);
                after = read.isEmpty() ? after : read.get(read.size() - 1);
            } while (read.size() == batch && !stopping);
        } catch (RuntimeException e) {
            if (!stopping) {
                log.warn("complaint calls still wait for the shift on duty; the next run takes them in", e);
            }
        }
    }

    /** Before Axon stops taking commands, which comes before this bean's destruction. */
    @EventListener(ContextClosedEvent.class)
    void stop() throws InterruptedException {
        stopping = true;
        worker.shutdown();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }
}
