package com.kefu.platform.relay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.kefu.platform.test.Infrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** R4: a service publishes only on a topic that keeps every event, with its partitions and copies. */
class PublishedTopicTest {

    private final String bootstrap = Infrastructure.get().kafkaBootstrap();
    private final String topic = "check-" + UUID.randomUUID() + ".events";

    private final ApplicationContextRunner service = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, RelayConfiguration.class))
            .withBean("defaultAxonObjectMapper", ObjectMapper.class, ObjectMapper::new)
            .withPropertyValues("spring.kafka.bootstrap-servers=" + bootstrap, "kefu.relay.topic=" + topic,
                    "kefu.relay.topic-check=10s", "spring.kafka.admin.modify-topic-configs=true");

    @Test
    @DisplayName("R4 a missing topic is created to keep every event, and the service starts")
    void createsTheTopic() throws Exception {
        service.run(context -> assertThat(context).hasNotFailed());

        assertThat(config(TopicConfig.RETENTION_MS_CONFIG)).isEqualTo("-1");
        assertThat(config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG)).isEqualTo("1");
    }

    @Test
    @DisplayName("R4 a topic made with a week's retention (a consumer subscribed first) is set to keep every event")
    void correctsTheRetention() throws Exception {
        create(3, Map.of(TopicConfig.RETENTION_MS_CONFIG, "604800000"));

        service.run(context -> assertThat(context).hasNotFailed());

        assertThat(config(TopicConfig.RETENTION_MS_CONFIG)).isEqualTo("-1");
    }

    @Test
    @DisplayName("R4 a topic that is not fit and may not be altered stops the service, naming what is wrong")
    void refusesAnUnfitTopic() throws Exception {
        create(5, Map.of(TopicConfig.RETENTION_MS_CONFIG, "604800000"));

        service.withPropertyValues("spring.kafka.admin.modify-topic-configs=false", "kefu.relay.min-insync-replicas=2")
                .run(context -> assertThat(context).getFailure()
                        .hasMessageContaining("the topic " + topic + " is not fit to publish on")
                        .hasMessageContaining("retention.ms is 604800000, not -1")
                        .hasMessageContaining("5 partitions, not 3")
                        .hasMessageContaining("min.insync.replicas is 1, not at least 2"));
    }

    private void create(int partitions, Map<String, String> configs) throws Exception {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1).configs(configs))).all().get();
        }
    }

    private String config(String name) throws Exception {
        try (Admin admin = admin()) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            return admin.describeConfigs(List.of(resource)).all().get().get(resource).get(name).value();
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    }
}
