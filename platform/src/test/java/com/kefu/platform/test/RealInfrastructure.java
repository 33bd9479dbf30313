package com.kefu.platform.test;

import org.springframework.test.context.DynamicPropertyRegistry;

import java.util.UUID;

/**
 * Points a Spring test context at the test JVM's real PostgreSQL and Kafka: call it from a
 * {@code @DynamicPropertySource} method. Each context gets a database, a consumer group and an audit topic of its own,
 * so cached contexts in one JVM do not share tokens or partitions, nor read each other's published chain heads.
 */
public final class RealInfrastructure {

    private RealInfrastructure() {
    }

    public static void register(DynamicPropertyRegistry registry, String service) {
        Infrastructure infrastructure = Infrastructure.get();
        String database = infrastructure.newDatabase(service);
        String group = service + "-" + UUID.randomUUID();
        registry.add("spring.datasource.url", () -> database);
        registry.add("spring.datasource.username", infrastructure::user);
        registry.add("spring.datasource.password", infrastructure::password);
        registry.add("spring.kafka.bootstrap-servers", infrastructure::kafkaBootstrap);
        registry.add("spring.kafka.consumer.group-id", () -> group);
        registry.add("kefu.audit.chain-head-topic", () -> "audit.chain-heads." + group);
        registry.add("kefu.security.public-key", () -> "classpath:local-keys/jwt-public.pem");
        registry.add("kefu.signing.key", () -> "classpath:local-keys/signing-private.pem");
        registry.add("kefu.search.secret", () -> "test-search-secret-of-the-tests");
    }
}
