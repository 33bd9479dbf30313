package com.kefu.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.kefu.platform.test.Api;
import com.kefu.platform.test.Infrastructure;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Login, tokens and routing; the service behind the route is a plain HTTP server that echoes what it got. */
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class GatewayTest {

    private static final AtomicReference<String> forwardedAuthorization = new AtomicReference<>();
    private static final AtomicReference<String> forwardedCookie = new AtomicReference<>();
    private static final AtomicReference<String> forwardedAcceptEncoding = new AtomicReference<>();
    /** Requests to /api/complaints/parallel wait here until {@value #PARALLEL} of them are in the service at once. */
    private static final int PARALLEL = 16;
    private static final CyclicBarrier inParallel = new CyclicBarrier(PARALLEL);
    private static final byte[] GZIPPED = gzip("complaint-service, compressed");
    private static final HttpServer complaintService = startComplaintService();

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        registry.add("COMPLAINT_SERVICE_URL", () -> "http://127.0.0.1:" + complaintService.getAddress().getPort());
        // the live streams read Kafka from the start: the test JVM's real broker
        registry.add("spring.kafka.bootstrap-servers", () -> Infrastructure.get().kafkaBootstrap());
    }

    @AfterAll
    static void stop() {
        complaintService.stop(0);
    }

    @LocalServerPort
    int port;

    @Autowired
    JwtDecoder jwtDecoder;

    private RestClient api() {
        return Api.client(port);
    }

    private ResponseHolder login(String username, String password) {
        var response = Api.call(api(), HttpMethod.POST, null, "/api/auth/token",
                Map.of("username", username, "password", password));
        return new ResponseHolder(response.getStatusCode().value(), response.getBody());
    }

    record ResponseHolder(int status, JsonNode body) {
    }

    @Test
    @DisplayName("S4 every seeded user signs in with 'demo' and gets a signed token with their roles")
    void issuesTokens() {
        Map<String, String> roles = Map.of("desk", "FRONT_DESK", "aftersales", "AFTER_SALES", "head", "CS_HEAD",
                "supervisor", "SUPERVISOR", "manager", "CS_MANAGER", "security", "DEPARTMENT",
                "engineering", "DEPARTMENT", "broadcaster", "BROADCASTER", "auditor", "AUDITOR", "admin", "ADMIN");
        roles.forEach((username, role) -> {
            ResponseHolder token = login(username, "demo");
            assertThat(token.status()).as(username).isEqualTo(200);
            assertThat(token.body().get("token_type").asText()).isEqualTo("Bearer");
            assertThat(token.body().get("expires_in").asLong()).isPositive();
            Jwt jwt = jwtDecoder.decode(token.body().get("access_token").asText());
            assertThat(jwt.getSubject()).isEqualTo(username);
            assertThat(jwt.getClaimAsStringList("roles")).containsExactly(role);
        });
        Jwt security = jwtDecoder.decode(login("security", "demo").body().get("access_token").asText());
        assertThat(security.getClaimAsString("department")).isEqualTo("security");
    }

    @Test
    @DisplayName("a wrong password or an unknown user is a 401 problem; a malformed login is a 400 problem")
    void refusesWrongCredentials() {
        ResponseHolder wrong = login("desk", "not-demo");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body().get("type").asText()).isEqualTo("urn:kefu:problem:invalid-credentials");
        assertThat(login("nobody", "demo").status()).isEqualTo(401);
        assertThat(login("", "demo").status()).isEqualTo(400);
    }

    @Test
    @DisplayName("the gateway forwards /api/complaints with the caller's token, and refuses callers without one")
    void routesWithTheToken() {
        String token = login("desk", "demo").body().get("access_token").asText();
        var routed = api().get().uri("/api/complaints/42")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).retrieve().toEntity(String.class);
        assertThat(routed.getStatusCode().value()).isEqualTo(200);
        assertThat(routed.getBody()).isEqualTo("complaint-service saw /api/complaints/42");
        assertThat(forwardedAuthorization.get()).isEqualTo("Bearer " + token);

        var anonymous = api().get().uri("/api/complaints/42").retrieve().toEntity(String.class);
        assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
        var tampered = api().get().uri("/api/complaints/42")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token.substring(0, token.length() - 4) + "AAAA")
                .retrieve().toEntity(String.class);
        assertThat(tampered.getStatusCode().value()).isEqualTo(401);
    }

    @Test
    @DisplayName("the gateway's health is public, and its metrics are tagged with its name")
    void servesHealth() {
        assertThat(api().get().uri("/actuator/health").retrieve().toEntity(String.class).getStatusCode().value())
                .isEqualTo(200);
        assertThat(api().get().uri("/actuator/prometheus").retrieve().body(String.class))
                .contains("application=\"gateway\"");
    }

    @Test
    @DisplayName("the proxy forwards as many requests at once as callers send (no small pool per service), keeps no "
            + "cookie of one caller for the next, and passes bodies through as the service sent them")
    void proxiesInParallelWithoutState() throws Exception {
        String token = login("desk", "demo").body().get("access_token").asText();
        ExecutorService callers = Executors.newFixedThreadPool(PARALLEL);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < PARALLEL; i++) {
                answers.add(callers.submit(() -> api().get().uri("/api/complaints/parallel")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).retrieve().toEntity(String.class)
                        .getStatusCode().value()));
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get(30, TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            callers.shutdownNow();
        }

        var first = api().get().uri("/api/complaints/cookie")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).retrieve().toEntity(String.class);
        assertThat(first.getHeaders().get(HttpHeaders.SET_COOKIE)).containsExactly("session=of-the-first-caller");
        api().get().uri("/api/complaints/42").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .retrieve().toEntity(String.class);
        assertThat(forwardedCookie.get()).isNull();

        // the caller's client decides about compression; the proxy neither asks for it nor undoes it
        HttpResponse<byte[]> compressed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/complaints/gzip"))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(forwardedAcceptEncoding.get()).isEqualTo("gzip");
        assertThat(compressed.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(compressed.body()).isEqualTo(GZIPPED);
    }

    private static byte[] gzip(String text) {
        var bytes = new ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(bytes)) {
            gzip.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    private static HttpServer startComplaintService() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newCachedThreadPool());
            server.createContext("/", exchange -> {
                forwardedAuthorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
                forwardedCookie.set(exchange.getRequestHeaders().getFirst("Cookie"));
                forwardedAcceptEncoding.set(exchange.getRequestHeaders().getFirst("Accept-Encoding"));
                String path = exchange.getRequestURI().getPath();
                if (path.endsWith("/parallel")) {
                    try {
                        inParallel.await(20, TimeUnit.SECONDS);
                    } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                        exchange.sendResponseHeaders(504, -1);
                        exchange.close();
                        return;
                    }
                } else if (path.endsWith("/gzip")) {
                    exchange.getResponseHeaders().add("Content-Encoding", "gzip");
                    exchange.sendResponseHeaders(200, GZIPPED.length);
                    exchange.getResponseBody().write(GZIPPED);
                    exchange.close();
                    return;
                } else if (path.endsWith("/cookie")) {
                    exchange.getResponseHeaders().add("Set-Cookie", "session=of-the-first-caller");
                }
                byte[] body = ("complaint-service saw " + path).getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
