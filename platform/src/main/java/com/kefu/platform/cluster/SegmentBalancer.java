package com.kefu.platform.cluster;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Spreads each streaming processor's segments over the instances of the service that run (R6). Every instance may
 * claim every segment (a thread each), so one that is left alone takes the others' once their claims time out
 * ({@code axon.eventhandling.tokenstore.claim-timeout}, 10 s, and a look every 5 s); this makes one that holds more
 * than its share (the segments divided by the instances, rounded up) release the rest for a while, long enough for the
 * others' next look to claim them. So two instances hold two segments each of four, and one that returns gets its
 * share back within a look or two.
 */
public class SegmentBalancer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

    private final EventProcessingConfiguration processing;
    private final TokenStore tokens;
    private final Instances instances;
    private final Duration interval;
    private final Duration releaseFor;
    private ScheduledExecutorService looks;

    public SegmentBalancer(EventProcessingConfiguration processing, TokenStore tokens, Instances instances,
                           Duration interval, Duration releaseFor) {
        this.processing = processing;
        this.tokens = tokens;
        this.instances = instances;
        this.interval = interval;
        this.releaseFor = releaseFor;
    }

    /** Releases what this instance holds beyond its share; answers how many segments it released. */
    public int balance() {
        int members = instances.count();
        int released = 0;
        for (TrackingEventProcessor processor : trackingProcessors()) {
            if (!processor.isRunning()) {
                continue;
            }
            int segments = tokens.fetchSegments(processor.getName()).length;
            int share = (segments + members - 1) / members;
            List<Integer> held = segmentsOf(processor);
            for (int i = 0; i < held.size() - share; i++) {
                processor.releaseSegment(held.get(i), releaseFor.toMillis(), TimeUnit.MILLISECONDS);
                released++;
                log.info("{} releases segment {} for another instance ({} instances, {} segments each at most)",
                        processor.getName(), held.get(i), members, share);
            }
        }
        return released;
    }

    /** The segments of each streaming processor this instance holds now. */
    public Map<String, List<Integer>> held() {
        return trackingProcessors().stream().collect(java.util.stream.Collectors.toMap(
                TrackingEventProcessor::getName, SegmentBalancer::segmentsOf));
    }

    private List<TrackingEventProcessor> trackingProcessors() {
        return processing.eventProcessors().values().stream()
                .filter(TrackingEventProcessor.class::isInstance).map(TrackingEventProcessor.class::cast).toList();
    }

    /** Highest first: those are released first, so the instances settle on the same split. */
    private static List<Integer> segmentsOf(TrackingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        return status.keySet().stream().sorted(Comparator.reverseOrder()).toList();
    }

    @Override
    public synchronized void start() {
        looks = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "segment-balancer");
            thread.setDaemon(true);
            return thread;
        });
        looks.scheduleWithFixedDelay(() -> {
            try {
                balance();
            } catch (RuntimeException e) {
                log.debug("segments not balanced this time: {}", e.getMessage());
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (looks != null) {
            looks.shutdownNow();
            looks = null;
        }
        instances.close();
    }

    @Override
    public synchronized boolean isRunning() {
        return looks != null;
    }
}
