package com.kefu.platform.relay;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param topic           the topic this service publishes its events on, e.g. {@code complaint.events}
 * @param partitions      partitions of that topic when the service creates it
 * @param acknowledgement how long a batch may wait for the broker's acknowledgements before it is retried
 */
@ConfigurationProperties("kefu.relay")
public record RelayProperties(String topic, Integer partitions, Duration acknowledgement) {

    public RelayProperties {
        partitions = partitions == null ? 3 : partitions;
        acknowledgement = acknowledgement == null ? Duration.ofSeconds(30) : acknowledgement;
    }
}
