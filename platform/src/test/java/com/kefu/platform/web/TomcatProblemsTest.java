package com.kefu.platform.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.embedded.EmbeddedWebServerFactoryCustomizerAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests Tomcat refuses itself, before any filter or controller sees them, sent over a raw socket (no HTTP client
 * sends them): the answer is a 400 problem detail, not Tomcat's HTML page. The web server is configured as in every
 * service (Spring Boot's own Tomcat and error settings, then the platform's web configuration).
 */
@SpringBootTest(classes = TomcatProblemsTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TomcatProblemsTest {

    @SpringBootConfiguration
    @ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, ServletWebServerFactoryAutoConfiguration.class,
            EmbeddedWebServerFactoryCustomizerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
            WebMvcAutoConfiguration.class, JacksonAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
            ErrorMvcAutoConfiguration.class, WebConfiguration.class})
    @RestController
    static class App {

        @GetMapping("/api/complaints/{id}")
        String complaint(@PathVariable String id) {
            return id;
        }
    }

    @LocalServerPort
    int port;

    private final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "GET /api/complaints/%zz HTTP/1.1",
            "GET /api/complaints/% HTTP/1.1",
            "GET /api/x|y HTTP/1.1",
            "GET /api/complaints/{ HTTP/1.1",
            "GET /api/complaints/<script> HTTP/1.1",
            "GET /api/complaints/a\"b HTTP/1.1",
            "GET /api/complaints/1?q=a|b{c} HTTP/1.1",
            "GET /api/complaints/1 HTTP/1.1\r\n(bad header): x",
            "GET api/complaints/1 HTTP/1.1"})
    @DisplayName("a request line, path or header Tomcat cannot parse is answered 400 as a problem detail "
            + "(urn:kefu:problem:invalid-request), without Tomcat's page, its version or a stack trace")
    void tomcatsOwnRefusalsAreProblemDetails(String requestLine) throws IOException {
        String answer = send(requestLine);
        int end = answer.indexOf("\r\n\r\n");
        String head = answer.substring(0, end);
        String body = answer.substring(end + 4);

        assertThat(head).startsWith("HTTP/1.1 400 ");
        assertThat(head.toLowerCase()).contains("content-type: application/problem+json");
        JsonNode problem = json.readTree(body);
        assertThat(problem.get("type").asText()).isEqualTo("urn:kefu:problem:invalid-request");
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(answer).doesNotContainIgnoringCase("tomcat").doesNotContainIgnoringCase("apache")
                .doesNotContain("<html").doesNotContain("Exception").doesNotContain("at org.")
                .doesNotContain("java.");
    }

    /** The request as given (no client would send it), and all of the answer, read until the server closes. */
    private String send(String requestLine) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
