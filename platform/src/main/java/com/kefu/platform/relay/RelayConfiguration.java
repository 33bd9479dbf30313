package com.kefu.platform.relay;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

import java.util.Map;

/** The relay of a service that publishes: its topic, created if missing, and the relay itself. */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnClass({EventSchema.class, KafkaTemplate.class})
@ConditionalOnProperty("kefu.relay.topic")
@EnableConfigurationProperties(RelayProperties.class)
public class RelayConfiguration {

    @Bean
    EventRelay eventRelay(KafkaTemplate<String, Object> kafka,
                          @Qualifier("defaultAxonObjectMapper") ObjectMapper json,
                          RelayProperties properties) {
        return new EventRelay(kafka, json, properties);
    }

    /**
     * Kept for ever: the topic is the log other services and the gateway's live views rebuild their state from,
     * not a queue. Created when missing; an existing topic's settings are set to these
     * ({@code spring.kafka.admin.modify-topic-configs}).
     */
    @Bean
    NewTopic publishedTopic(RelayProperties properties) {
        return new NewTopic(properties.topic(), properties.partitions(), properties.replicationFactor().shortValue())
                .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1", TopicConfig.RETENTION_BYTES_CONFIG, "-1",
                        TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, properties.minInsyncReplicas().toString()));
    }

    /** The topic is checked before the service takes requests (R4). */
    @Bean
    PublishedTopic publishedTopicCheck(KafkaAdmin kafkaAdmin, RelayProperties properties) {
        return new PublishedTopic(kafkaAdmin, properties);
    }
}
