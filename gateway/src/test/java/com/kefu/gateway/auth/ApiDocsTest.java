package com.kefu.gateway.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kefu.platform.test.ApiDocs;
import com.kefu.platform.test.Infrastructure;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * API1 at the gateway: its own document (sign-in, keys, live streams) is documented as every service's is, and its
 * Swagger UI offers each service's document, fetched through the gateway from the service's {@code /v3/api-docs}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class ApiDocsTest {

    private static final String SERVICE_DOCUMENT = "{\"openapi\":\"3.0.1\",\"info\":{\"title\":"
            + "\"kefu complaint-service\",\"version\":\"0.1.0\"},\"paths\":{}}";
    private static final AtomicReference<String> askedFor = new AtomicReference<>();
    private static final HttpServer complaintService = startComplaintService();

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("COMPLAINT_SERVICE_URL", () -> "http://127.0.0.1:" + complaintService.getAddress().getPort());
        registry.add("spring.kafka.bootstrap-servers", () -> Infrastructure.get().kafkaBootstrap());
    }

    @AfterAll
    static void stop() {
        complaintService.stop(0);
    }

    @LocalServerPort
    int port;

    private ResponseEntity<String> get(String path) {
        return RestClient.builder().requestFactory(new JdkClientHttpRequestFactory())
                .baseUrl("http://127.0.0.1:" + port).defaultStatusHandler(status -> true, (request, response) -> { })
                .build().get().uri(path).retrieve().toEntity(String.class);
    }

    @Test
    @DisplayName("API1 every operation of the gateway's own document has a summary, the bearer token (none for the "
            + "sign-in and the keys) and its problem details")
    void api1TheGatewaysOwnOperationsAreDocumented() {
        ApiDocs.assertEveryOperationIsDocumented(port, Set.of("POST /api/auth/token", "POST /api/auth/refresh",
                "GET /.well-known/jwks.json"));
    }

    @Test
    @DisplayName("API1 the gateway's Swagger UI offers its own and every service's document, each service's read "
            + "through the gateway without a token")
    void api1OneSwaggerUiForTheWholeApi() throws IOException {
        JsonNode config = new ObjectMapper().readTree(get("/v3/api-docs/swagger-config").getBody());
        List<String> urls = new ArrayList<>();
        config.get("urls").forEach(url -> urls.add(url.get("url").asText()));
        assertThat(urls).contains("/v3/api-docs", "/v3/api-docs/complaint-service", "/v3/api-docs/dutylog-service",
                "/v3/api-docs/broadcast-service", "/v3/api-docs/membership-service");
        assertThat(get("/swagger-ui.html").getStatusCode().is2xxSuccessful()
                || get("/swagger-ui.html").getStatusCode().is3xxRedirection()).isTrue();

        ResponseEntity<String> service = get("/v3/api-docs/complaint-service");
        assertThat(service.getStatusCode().value()).isEqualTo(200);
        assertThat(service.getBody()).isEqualTo(SERVICE_DOCUMENT);
        assertThat(askedFor.get()).isEqualTo("/v3/api-docs");
    }

    /** complaint-service as the gateway sees it: its document at /v3/api-docs, ready at /readyz. */
    private static HttpServer startComplaintService() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                String path = exchange.getRequestURI().getPath();
                if (!path.equals("/readyz")) {
                    askedFor.set(path);
                }
                byte[] body = (path.equals("/v3/api-docs") ? SERVICE_DOCUMENT : "{}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
