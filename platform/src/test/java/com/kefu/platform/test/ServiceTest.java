package com.kefu.platform.test;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A test of a whole service on a random port, against the test JVM's real PostgreSQL and Kafka
 * ({@link RealInfrastructure}): each test class gets a database and a consumer group of its own, and a clock of its own
 * that starts late in the evening of a day that is not the system's ({@link LateEveningClock}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(LateEveningClock.class)
public abstract class ServiceTest {

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void realInfrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "service");
    }

    /**
     * Health, metrics and API documentation answer without a token; the metrics carry the application's name and
     * the documentation the service's API. (Metrics need {@code @AutoConfigureObservability} on the test.)
     */
    protected void assertServesHealthMetricsAndDocs(String application, String apiPath) {
        var health = api().get().uri("/actuator/health").retrieve().toEntity(String.class);
        assertThat(health.getStatusCode().value()).isEqualTo(200);
        var metrics = api().get().uri("/actuator/prometheus").retrieve().toEntity(String.class);
        assertThat(metrics.getStatusCode().value()).isEqualTo(200);
        assertThat(metrics.getBody()).contains("application=\"" + application + "\"");
        var docs = api().get().uri("/v3/api-docs").retrieve().toEntity(String.class);
        assertThat(docs.getStatusCode().value()).isEqualTo(200);
        assertThat(docs.getBody()).contains(apiPath);
    }

    /** A client of this service that hands back every answer, errors included. */
    protected RestClient api() {
        return Api.client(port);
    }

    /** {@code method path} as {@code token} (the whole Authorization header), with {@code body} as JSON if not null. */
    protected ResponseEntity<JsonNode> call(HttpMethod method, String token, String path, Object body) {
        return Api.call(api(), method, token, path, body);
    }

    /** The answer's body, once its status is {@code status}; a 4xx or 5xx is problem details. */
    protected static JsonNode expect(ResponseEntity<JsonNode> response, int status) {
        return Api.expect(response, status);
    }
}
