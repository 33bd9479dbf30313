package com.kefu.platform.messaging;

import com.kefu.platform.envelope.EnvelopeSerializer;
import com.kefu.platform.store.StoreUnavailable;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.kafka.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.lang.Nullable;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.ExponentialBackOff;

import java.util.List;



/**
 * Kafka for every service: what it publishes (the relay) and how it consumes (idempotently, with a
 * dead-letter topic {@code <topic>.DLT} for records that cannot be read or keep failing).
 */
@AutoConfiguration(after = {KafkaAutoConfiguration.class, JdbcTemplateAutoConfiguration.class})
@ConditionalOnClass(KafkaTemplate.class)
@EnableConfigurationProperties(ConsumerProperties.class)
public class MessagingConfiguration {

    public static final String DEAD_LETTER_SUFFIX = ".DLT";
    public static final String DEAD_LETTERS = "kefu.consumer.dead.letters";

    @Bean
    DefaultKafkaProducerFactoryCustomizer envelopeSerialization() {
        return factory -> {
            @SuppressWarnings("unchecked")
            var objects = (org.springframework.kafka.core.DefaultKafkaProducerFactory<String, Object>) factory;
            objects.setValueSerializerSupplier(() -> new EnvelopeSerializer());
        };
    }

    @Bean
    KafkaAdmin.NewTopics deadLetterTopics(ConsumerProperties consumer) {
        return new KafkaAdmin.NewTopics(consumer.topics().stream()
                .map(topic -> new NewTopic(topic + DEAD_LETTER_SUFFIX, 1, (short) -1))
                .toArray(NewTopic[]::new));
    }

    /** Separate, so that a service without a database (the gateway) does not need JDBC on its classpath. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(JdbcTemplate.class)
    static class IdempotentConsumerConfiguration {

        @Bean
        @ConditionalOnBean(JdbcTemplate.class)
        ProcessedEvents processedEvents(JdbcTemplate jdbc, TransactionTemplate transaction) {
            return new ProcessedEvents(jdbc, transaction);
        }
    }

    /**
     * A record that cannot be read goes to the dead-letter topic at once, with its original bytes and
     * the error in its headers; the partition moves on. A record whose handling fails is retried with
     * back-off: for ever while the database is unreachable (nothing is lost), a few times otherwise, then
     * it goes to the dead-letter topic as well.
     */
    @Bean
    CommonErrorHandler kafkaErrorHandler(KafkaTemplate<String, Object> kafka, ConsumerProperties consumer,
                                         ObjectProvider<MeterRegistry> registry) {
        var recoverer = new CountedDeadLetters(kafka, registry.getIfAvailable(SimpleMeterRegistry::new),
                consumer.topics());
        var handler = new DefaultErrorHandler(recoverer, backOff(consumer.retries()));
        handler.addNotRetryableExceptions(DeserializationException.class);
        handler.setBackOffFunction((record, error) -> isTransient(error) ? unlimitedBackOff() : null);
        return handler;
    }

    /**
     * Publishes to {@code <topic>.DLT} and counts what it published there ({@value #DEAD_LETTERS}, tag {@code topic}: the
     * topic the record came from), so an operator sees records set aside without reading the dead-letter topics.
     */
    static final class CountedDeadLetters extends DeadLetterPublishingRecoverer {

        private final MeterRegistry registry;

        /** Each topic the service consumes counted from 0, so the series exists before its first dead letter. */
        CountedDeadLetters(KafkaTemplate<String, Object> kafka, MeterRegistry registry, List<String> topics) {
            super(kafka, (record, error) -> new TopicPartition(record.topic() + DEAD_LETTER_SUFFIX, -1));
            this.registry = registry;
            topics.forEach(this::counter);
        }

        @Override
        public void accept(ConsumerRecord<?, ?> record, @Nullable Consumer<?, ?> consumer, Exception exception) {
            super.accept(record, consumer, exception);
            counter(record.topic()).increment();
        }

        private Counter counter(String topic) {
            return Counter.builder(DEAD_LETTERS).tag("topic", topic)
                          .description("records set aside on the topic's dead-letter topic").register(registry);
        }
    }

    /** The database unreachable: no connection, one lost, a transaction that could not end (R6). */
    private static boolean isTransient(Exception error) {
        return StoreUnavailable.causedBy(error);
    }

    private static ExponentialBackOff backOff(int retries) {
        var backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(5_000);
        backOff.setMaxAttempts(retries);
        return backOff;
    }

    private static ExponentialBackOff unlimitedBackOff() {
        var backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(10_000);
        return backOff;
    }

}
