package com.kefu.deploy;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The benchmark's load client against the JDK's HTTP server: every kind of answer body, one connection kept. */
class LoadConnectionTest {

    private HttpServer server;
    private final List<String> seen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization") + " " + body + " "
                    + exchange.getRemoteAddress().getPort());
            byte[] answer = "{\"id\":\"x\"}".repeat(1000).getBytes(StandardCharsets.UTF_8);
            switch (exchange.getRequestURI().getPath()) {
                case "/chunked" -> { // length unknown: the server sends chunks
                    exchange.sendResponseHeaders(201, 0);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(answer);
                        out.flush();
                        out.write(answer);
                    }
                }
                case "/empty" -> exchange.sendResponseHeaders(409, -1);
                default -> {
                    exchange.sendResponseHeaders(200, answer.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(answer);
                    }
                }
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    @DisplayName("answers each status, passes over sized, chunked and empty bodies, and keeps its one connection")
    void statusesOverOneConnection() throws IOException {
        try (LoadConnection connection = new LoadConnection("http://127.0.0.1:" + server.getAddress().getPort())) {
            assertThat(connection.post("/sized", "t1", "{\"a\":\"王芳\"}")).isEqualTo(200);
            assertThat(connection.post("/chunked", "t2", "{}")).isEqualTo(201);
            assertThat(connection.post("/empty", "t3", "{}")).isEqualTo(409);
            assertThat(connection.post("/sized", "t4", "{}")).isEqualTo(200);
        }
        assertThat(seen).hasSize(4);
        assertThat(seen.get(0)).startsWith("POST /sized Bearer t1 {\"a\":\"王芳\"} ");
        assertThat(seen.stream().map(line -> line.substring(line.lastIndexOf(' '))).distinct()).hasSize(1);
    }

    @Test
    @DisplayName("a server gone fails the request; the next one connects again")
    void reconnectsAfterAFailure() throws IOException {
        int port = server.getAddress().getPort();
        try (LoadConnection connection = new LoadConnection("http://127.0.0.1:" + port)) {
            assertThat(connection.post("/sized", "t", "{}")).isEqualTo(200);
            server.stop(0);
            assertThatThrownBy(() -> connection.post("/sized", "t", "{}")).isInstanceOf(IOException.class);
            start(port);
            assertThat(connection.post("/sized", "t", "{}")).isEqualTo(200);
        }
    }

    private void start(int port) throws IOException {
        HttpServer old = server;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", exchange -> {
            byte[] answer = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
        old.stop(0);
    }
}
