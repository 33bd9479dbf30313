package com.kefu.platform.axon;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param threshold events an aggregate named for snapshots ({@link Snapshots}) reads after its latest snapshot
 *                  before the next one is taken: what loading it costs at most, however long its history
 */
@ConfigurationProperties("kefu.snapshots")
public record SnapshotProperties(Integer threshold) {

    public SnapshotProperties {
        threshold = threshold == null ? 50 : threshold;
    }
}
