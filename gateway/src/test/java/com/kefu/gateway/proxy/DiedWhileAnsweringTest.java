package com.kefu.gateway.proxy;

import com.kefu.platform.test.Api;
import com.kefu.platform.test.Infrastructure;
import com.kefu.platform.test.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * R6: an instance that dies in the middle of its answer (here a server that sends the head of a 201 and part of its
 * chunked body, then closes the connection) is a 503 with {@code Retry-After} at the gateway, never a 500.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class DiedWhileAnsweringTest {

    private static final ServerSocket DYING = dyingService();

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> Infrastructure.get().kafkaBootstrap());
        registry.add("COMPLAINT_SERVICE_URL", () -> "http://127.0.0.1:" + DYING.getLocalPort());
    }

    @AfterAll
    static void stop() throws IOException {
        DYING.close();
    }

    @LocalServerPort
    int port;

    @Test
    @DisplayName("R6 a service that dies while it answers is a 503 problem with Retry-After, not a 500")
    void diedWhileAnswering() {
        ResponseEntity<String> answer = Api.client(port)
                .post().uri("/api/complaints").header(HttpHeaders.AUTHORIZATION, Tokens.bearer("desk", "FRONT_DESK"))
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("subject", "空调不制冷"))
                .retrieve().toEntity(String.class);
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(answer.getBody()).contains("service-unavailable").contains("Idempotency-Key");
    }

    /** Answers every request with the head of a 201 and the start of a chunked body, then closes the connection. */
    private static ServerSocket dyingService() {
        try {
            ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread accepting = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket connection = server.accept()) {
                        String head = readHead(connection.getInputStream());
                        OutputStream out = connection.getOutputStream();
                        if (head.startsWith("GET /readyz")) {
                            // ready by its probe, as an instance is until the moment it dies
                            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 15\r\n"
                                    + "Connection: close\r\n\r\n{\"status\":\"UP\"}").getBytes(StandardCharsets.US_ASCII));
                            out.flush();
                            continue;
                        }
                        out.write(("HTTP/1.1 201 Created\r\nContent-Type: application/json\r\n"
                                + "Transfer-Encoding: chunked\r\n\r\n8\r\n{\"id\":\"4").getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                    } catch (IOException e) {
                        // closed at the end of the test, or the gateway gave up: either way the next one
                    }
                }
            }, "dying-service");
            accepting.setDaemon(true);
            accepting.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads up to the blank line that ends the request's head (the body is left unread: the server dies). */
    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        int b;
        while (matched < 4 && (b = in.read()) >= 0) {
            head.append((char) b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString();
    }
}
