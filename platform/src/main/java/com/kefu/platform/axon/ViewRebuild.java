package com.kefu.platform.axon;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The rebuild of a view kept in the command's own transaction (a subscribing processor, which cannot replay
 * by itself): the view's reset handler empties its tables, then a pooled streaming processor of its own, over
 * the same handlers, reads the event store from the start in large batches and stops once it has reached the
 * head the store had when the rebuild began. Commands handled meanwhile keep updating the view through the
 * subscribing processor; the handlers are idempotent and each aggregate's events arrive in order on both paths,
 * so the view converges on the whole store.
 * <p>
 * The store is read in {@code segments} segments, each aggregate's events in one of them (the view's sequencing
 * policy), a thread and a transaction each: a rebuild is bound by its statements' round trips to PostgreSQL far more
 * than by either side's CPU, so segments worked side by side rebuild it in a fraction of the time one takes.
 */
final class ViewRebuild {

    private static final Logger log = LoggerFactory.getLogger(ViewRebuild.class);
    private static final Duration CHECK = Duration.ofMillis(50);

    private final SubscribingEventProcessor view;
    private final StreamableMessageSource<TrackedEventMessage<?>> events;
    private final TransactionManager transactions;
    private final int batchSize;
    private final int segments;

    private ScheduledExecutorService threads;
    private PooledStreamingEventProcessor replay;
    private long head;
    private long startedAt;

    ViewRebuild(SubscribingEventProcessor view, StreamableMessageSource<TrackedEventMessage<?>> events,
                TransactionManager transactions, int batchSize, int segments) {
        this.view = view;
        this.events = events;
        this.transactions = transactions;
        this.batchSize = batchSize;
        this.segments = segments;
    }

    synchronized boolean running() {
        return replay != null;
    }

    synchronized void start() {
        if (replay != null) {
            return;
        }
        TrackingToken headToken = events.createHeadToken();
        head = headToken == null ? -1 : headToken.position().orElse(-1);
        transactions.executeInTransaction(() -> view.eventHandlerInvoker().performReset());
        threads = Executors.newScheduledThreadPool(segments + 1, runnable -> {
            Thread thread = new Thread(runnable, "rebuild-" + view.getName());
            thread.setDaemon(true);
            return thread;
        });
        replay = PooledStreamingEventProcessor.builder()
                .name(view.getName() + "-rebuild")
                .eventHandlerInvoker(view.eventHandlerInvoker())
                .errorHandler(PropagatingErrorHandler.instance())
                .messageSource(events)
                .tokenStore(new InMemoryTokenStore())
                .transactionManager(transactions)
                .coordinatorExecutor(threads)
                .workerExecutor(threads)
                .initialSegmentCount(segments)
                .maxClaimedSegments(segments)
                .initialToken(StreamableMessageSource::createTailToken)
                .batchSize(batchSize)
                .build();
        startedAt = System.nanoTime();
        log.info("rebuilding view {} from the event store (head {})", view.getName(), head);
        replay.start();
        threads.scheduleWithFixedDelay(this::stopWhenDone, CHECK.toMillis(), CHECK.toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized void stopWhenDone() {
        if (replay == null) {
            return;
        }
        Collection<EventTrackerStatus> claimed = replay.processingStatus().values();
        boolean done = head < 0 || (claimed.size() == segments && claimed.stream().allMatch(status ->
                status.getCurrentPosition().orElse(-1) >= head));
        if (!done) {
            return;
        }
        long millis = Duration.ofNanos(System.nanoTime() - startedAt).toMillis();
        log.info("view {} rebuilt up to event {} in {} ms", view.getName(), head, millis);
        PooledStreamingEventProcessor finished = replay;
        ScheduledExecutorService pool = threads;
        replay = null;
        threads = null;
        finished.shutdownAsync().whenComplete((ignored, error) -> pool.shutdown());
    }
}
