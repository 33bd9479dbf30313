package com.kefu.platform.axon;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param batchSize events a streaming processor handles in one transaction
 * @param segments  segments of each streaming processor, a thread each (each claims a connection while it works)
 * @param rebuildBatchSize events handled in one transaction while a view kept in the command's transaction is
 *                         rebuilt
 * @param rebuildSegments  segments such a rebuild reads the store in, a thread and a connection each (1: the
 *                         store's order; more only for a view whose every handler writes rows of its own event's
 *                         aggregate alone, since segments run apart and one aggregate's row may not be there yet
 *                         when another's event would update it)
 * @param fetchDelay       how often the event store looks for new events while its processors wait for them: a write
 *                         of this instance wakes them at once ({@link CommittedEventStore}), so this is how long
 *                         another instance's events may wait, and what an idle service costs PostgreSQL
 * @param balanceInterval  how often an instance compares the segments it holds with its share (R6)
 * @param checkTimeout     how long the auditors' check of a projection (A3) may take to rebuild its copy
 */
@ConfigurationProperties("kefu.processors")
public record ProcessorProperties(Integer batchSize, Integer segments, Integer rebuildBatchSize,
                                  Integer rebuildSegments,
                                  Duration fetchDelay, Duration balanceInterval, Duration checkTimeout) {

    public ProcessorProperties {
        batchSize = batchSize == null ? 100 : batchSize;
        segments = segments == null ? 4 : segments;
        rebuildBatchSize = rebuildBatchSize == null ? 1000 : rebuildBatchSize;
        rebuildSegments = rebuildSegments == null ? 1 : rebuildSegments;
        fetchDelay = fetchDelay == null ? Duration.ofMillis(250) : fetchDelay;
        balanceInterval = balanceInterval == null ? Duration.ofSeconds(5) : balanceInterval;
        checkTimeout = checkTimeout == null ? Duration.ofMinutes(10) : checkTimeout;
    }
}
