package com.kefu.platform.audit;

import com.kefu.platform.contracts.audit.AuditTopics;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param chainHeadInterval how often the service publishes its event store's head (A1; one instance at a time)
 * @param chainHeadTopic    where it publishes it ({@value AuditTopics#CHAIN_HEADS}; a test JVM's contexts each their own)
 * @param chainHeadSettle   how long a head waits for the transactions running when it is taken, so that no event can
 *                          appear below it later; a head that cannot settle is left for the next time
 * @param chainHeadRead     how long the check reads the published heads before it answers without them
 */
@ConfigurationProperties("kefu.audit")
public record AuditProperties(Duration chainHeadInterval, String chainHeadTopic, Duration chainHeadSettle,
                              Duration chainHeadRead) {

    public AuditProperties {
        chainHeadInterval = chainHeadInterval == null ? Duration.ofMinutes(5) : chainHeadInterval;
        chainHeadTopic = chainHeadTopic == null ? AuditTopics.CHAIN_HEADS : chainHeadTopic;
        chainHeadSettle = chainHeadSettle == null ? Duration.ofSeconds(10) : chainHeadSettle;
        chainHeadRead = chainHeadRead == null ? Duration.ofSeconds(10) : chainHeadRead;
    }
}
