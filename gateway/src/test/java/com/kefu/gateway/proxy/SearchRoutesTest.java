package com.kefu.gateway.proxy;

import com.kefu.platform.test.Api;
import com.kefu.platform.test.Infrastructure;
import com.kefu.platform.test.Tokens;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19: {@code GET /api/search} goes to the service that owns the kind asked for, by the gateway's own routes;
 * a kind no service owns, or none, to complaint-service, which answers the 400 naming it. Three stand-in services
 * (real HTTP servers) answer with their name and what they were asked: the query arrives whole, Chinese and Russian
 * as they were sent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class SearchRoutesTest {

    private static final HttpServer COMPLAINT = service("complaint-service");
    private static final HttpServer DUTYLOG = service("dutylog-service");
    private static final HttpServer MEMBERSHIP = service("membership-service");

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> Infrastructure.get().kafkaBootstrap());
        registry.add("COMPLAINT_SERVICE_URL", () -> "http://127.0.0.1:" + COMPLAINT.getAddress().getPort());
        registry.add("DUTYLOG_SERVICE_URL", () -> "http://127.0.0.1:" + DUTYLOG.getAddress().getPort());
        registry.add("MEMBERSHIP_SERVICE_URL", () -> "http://127.0.0.1:" + MEMBERSHIP.getAddress().getPort());
    }

    @AfterAll
    static void stop() {
        COMPLAINT.stop(0);
        DUTYLOG.stop(0);
        MEMBERSHIP.stop(0);
    }

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "kind=complaint&q=%E7%A9%BA%E8%B0%83, complaint-service",
        "kind=enquiry&q=x, complaint-service",
        "q=x&kind=member&page=1&size=5, membership-service",
        "kind=lost-item&q=%D0%B7%D0%BE%D0%BD%D1%82, dutylog-service",
        "kind=members&q=x, complaint-service",
        "kind=lost-items&q=x, complaint-service",
        "q=x, complaint-service"})
    @DisplayName("issue 19: /api/search goes to the owner of the kind asked for, any other kind to complaint-service")
    void routedByKind(String query, String owner) {
        ResponseEntity<String> answer = Api.client(port)
                .get().uri(URI.create("http://127.0.0.1:" + port + "/api/search?" + query))
                .header(HttpHeaders.AUTHORIZATION, Tokens.bearer("desk", "FRONT_DESK"))
                .retrieve().toEntity(String.class);
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
        assertThat(answer.getBody()).isEqualTo(owner + " /api/search " + parameters(query));
    }

    /** The query's parameters decoded, in the order of their names. */
    private static Map<String, String> parameters(String query) {
        Map<String, String> parameters = new TreeMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                String[] nameAndValue = pair.split("=", 2);
                parameters.put(URLDecoder.decode(nameAndValue[0], StandardCharsets.UTF_8),
                        URLDecoder.decode(nameAndValue[1], StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }

    /** A service that answers every request with its name, the path and the parameters it was asked. */
    private static HttpServer service(String name) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                byte[] body = (name + " " + exchange.getRequestURI().getPath() + " "
                        + parameters(exchange.getRequestURI().getRawQuery())).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "text/plain;charset=UTF-8");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
