package com.kefu.platform.axon;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param batchSize events a pooled streaming processor handles in one transaction
 * @param segments  segments of each pooled streaming processor (each claims a connection while it works)
 * @param rebuildBatchSize events handled in one transaction while a view kept in the command's transaction is
 *                         rebuilt
 */
@ConfigurationProperties("kefu.processors")
public record ProcessorProperties(Integer batchSize, Integer segments, Integer rebuildBatchSize) {

    public ProcessorProperties {
        batchSize = batchSize == null ? 100 : batchSize;
        segments = segments == null ? 4 : segments;
        rebuildBatchSize = rebuildBatchSize == null ? 1000 : rebuildBatchSize;
    }
}
