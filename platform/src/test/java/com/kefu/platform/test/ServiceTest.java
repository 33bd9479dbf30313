package com.kefu.platform.test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * A test of a whole service on a random port, against the test JVM's real PostgreSQL and Kafka
 * ({@link RealInfrastructure}): each test class gets a database and a consumer group of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ServiceTest {

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void realInfrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "service");
    }

    /** A client of this service that hands back every answer, errors included. */
    protected RestClient api() {
        return Api.client(port);
    }
}
