package com.kefu.platform.messaging;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * @param topics  the topics this service consumes; each gets its dead-letter topic created
 * @param retries how often a failing record is retried before it goes to the dead-letter topic
 */
@ConfigurationProperties("kefu.consumer")
public record ConsumerProperties(List<String> topics, Integer retries) {

    public ConsumerProperties {
        topics = topics == null ? List.of() : List.copyOf(topics);
        retries = retries == null ? 5 : retries;
    }
}
