package com.kefu.platform.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.kefu.platform.cluster.Instances;
import com.kefu.platform.relay.PublishedTopic;
import com.kefu.platform.relay.RelayConfiguration;
import com.kefu.platform.relay.RelayProperties;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Clock;
import java.util.Map;

/**
 * The auditors' check of the event store (A1), in every service. The service's audit name is its application name
 * without {@code -service} ({@code complaint}, {@code dutylog}, {@code broadcast}, {@code membership}). A service
 * that publishes also publishes its store's head on the audit topic ({@link ChainHeads}).
 */
@AutoConfiguration(after = RelayConfiguration.class)
@EnableConfigurationProperties(AuditProperties.class)
public class AuditConfiguration {

    @Bean
    EventChain eventChain(JdbcTemplate jdbc, @Value("${spring.application.name}") String application) {
        return new EventChain(jdbc, application.replaceFirst("-service$", ""));
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    AuditController auditController(EventChain eventChain, ObjectProvider<ChainHeads> heads,
                                    @Value("${spring.application.name}") String application) {
        return new AuditController(eventChain, heads.getIfAvailable(), application.replaceFirst("-service$", ""));
    }

    /** The heads published beside the service's events, on the audit topic, kept as the events' topic is. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(KafkaTemplate.class)
    @ConditionalOnProperty("kefu.relay.topic")
    @EnableConfigurationProperties(RelayProperties.class)
    static class ChainHeadConfiguration {

        @Bean
        ChainHeads chainHeads(EventChain chain, KafkaTemplate<String, Object> kafka,
                              ConsumerFactory<?, ?> consumers,
                              @Qualifier("defaultAxonObjectMapper") ObjectMapper json, AuditProperties properties,
                              ObjectProvider<Clock> clock, Instances instances) {
            Map<String, Object> settings = consumers.getConfigurationProperties();
            return new ChainHeads(chain, kafka, settings, json, properties, clock.getIfAvailable(Clock::systemUTC),
                    instances);
        }

        @Bean
        NewTopic chainHeadTopic(AuditProperties audit, RelayProperties relay) {
            return new NewTopic(audit.chainHeadTopic(), relay.partitions(), relay.replicationFactor().shortValue())
                    .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1", TopicConfig.RETENTION_BYTES_CONFIG, "-1",
                            TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, relay.minInsyncReplicas().toString()));
        }

        /** Checked before the service takes requests, as its events' topic is (R4). */
        @Bean
        PublishedTopic chainHeadTopicCheck(KafkaAdmin kafkaAdmin, RelayProperties relay, AuditProperties audit) {
            return new PublishedTopic(kafkaAdmin, relay, audit.chainHeadTopic());
        }
    }
}
