package com.kefu.platform.relay;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param topic           the topic this service publishes its events on, e.g. {@code complaint.events}
 * @param partitions      partitions of that topic when the service creates it
 * @param acknowledgement how long a batch may wait for the broker's acknowledgements before it is retried
 * @param replicationFactor copies of each partition the topic must have (1 on one broker; 3 in a cluster)
 * @param minInsyncReplicas copies that must have an event before the broker acknowledges it ({@code acks=all}; 1 on
 *                          one broker, 2 in a cluster of three)
 * @param topicCheck        how long the check of the topic at start waits for the broker ({@link PublishedTopic})
 */
@ConfigurationProperties("kefu.relay")
public record RelayProperties(String topic, Integer partitions, Duration acknowledgement, Integer replicationFactor,
                              Integer minInsyncReplicas, Duration topicCheck) {

    public RelayProperties {
        partitions = partitions == null ? 3 : partitions;
        acknowledgement = acknowledgement == null ? Duration.ofSeconds(30) : acknowledgement;
        replicationFactor = replicationFactor == null ? 1 : replicationFactor;
        minInsyncReplicas = minInsyncReplicas == null ? 1 : minInsyncReplicas;
        topicCheck = topicCheck == null ? Duration.ofSeconds(60) : topicCheck;
    }
}
