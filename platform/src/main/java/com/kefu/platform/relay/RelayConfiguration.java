package com.kefu.platform.relay;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.admin.NewTopic;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaTemplate;

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
     * not a queue (a topic that exists already keeps its settings).
     */
    @Bean
    NewTopic publishedTopic(RelayProperties properties) {
        return new NewTopic(properties.topic(), properties.partitions(), (short) -1)
                .configs(java.util.Map.of("retention.ms", "-1"));
    }
}
