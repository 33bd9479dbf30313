package com.kefu.platform.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.embedded.EmbeddedWebServerFactoryCustomizerAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.MultipartAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * However a body is too large for a service (a JSON body above {@code kefu.web.max-request-size}, with or without
 * its length declared; an upload above the service's own multipart limits, {@code spring.servlet.multipart.*}),
 * the answer is the same: 413 with the problem type {@code urn:kefu:problem:request-too-large}, which a client can
 * translate, never Spring's generic one. The web server is configured as in every service.
 */
@SpringBootTest(classes = RequestTooLargeTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"kefu.web.max-request-size=4KB", "spring.servlet.multipart.max-file-size=1KB",
                "spring.servlet.multipart.max-request-size=2KB"})
class RequestTooLargeTest {

    @SpringBootConfiguration
    @ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, ServletWebServerFactoryAutoConfiguration.class,
            EmbeddedWebServerFactoryCustomizerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
            WebMvcAutoConfiguration.class, JacksonAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
            MultipartAutoConfiguration.class, ErrorMvcAutoConfiguration.class, WebConfiguration.class})
    @RestController
    static class App {

        @PostMapping("/api/photos")
        String photos(@RequestPart("file") List<MultipartFile> files) {
            return String.valueOf(files.size());
        }

        @PostMapping("/api/entries")
        Map<String, Object> entries(@RequestBody Map<String, Object> entry) {
            return entry;
        }

        @PostMapping("/api/imports")
        String imports() {
            throw new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE);
        }
    }

    private static final String BOUNDARY = "kefu-test-boundary";

    @LocalServerPort
    int port;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    @DisplayName("a photo above the service's multipart limit per file is refused 413 request-too-large")
    void fileAboveTheLimit() throws Exception {
        JsonNode problem = assertTooLarge(send("/api/photos", "multipart/form-data; boundary=" + BOUNDARY,
                HttpRequest.BodyPublishers.ofByteArray(multipart(8 * 1024))));
        assertThat(problem.get("detail").asText()).endsWith("at most 1 KB a file and 2 KB a request");
    }

    @Test
    @DisplayName("an upload above the service's multipart limit per request is refused 413 request-too-large")
    void uploadAboveTheLimit() throws Exception {
        assertTooLarge(send("/api/photos", "multipart/form-data; boundary=" + BOUNDARY,
                HttpRequest.BodyPublishers.ofByteArray(multipart(900, 900, 900))));
    }

    @Test
    @DisplayName("uploads within the limits are taken")
    void uploadWithinTheLimits() throws Exception {
        HttpResponse<String> answer = send("/api/photos", "multipart/form-data; boundary=" + BOUNDARY,
                HttpRequest.BodyPublishers.ofByteArray(multipart(600, 600)));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("2");
    }

    @Test
    @DisplayName("a JSON body above kefu.web.max-request-size is refused 413 request-too-large, whether its length "
            + "is declared or it comes in chunks")
    void bodyAboveTheLimit() throws Exception {
        byte[] body = ("{\"description\":\"" + "x".repeat(8 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertTooLarge(send("/api/entries", "application/json", HttpRequest.BodyPublishers.ofByteArray(body)));
        assertTooLarge(send("/api/entries", "application/json",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
    }

    @Test
    @DisplayName("any other 413 a service answers has the same type")
    void anyOther413() throws Exception {
        assertTooLarge(send("/api/imports", "application/json", HttpRequest.BodyPublishers.ofString("{}")));
    }

    private JsonNode assertTooLarge(HttpResponse<String> answer) throws IOException {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(413);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json.readTree(answer.body());
        assertThat(problem.get("type").asText()).isEqualTo("urn:kefu:problem:request-too-large");
        assertThat(problem.get("status").asInt()).isEqualTo(413);
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("java.").doesNotContain("tomcat");
        return problem;
    }

    private HttpResponse<String> send(String path, String contentType, HttpRequest.BodyPublisher body)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", contentType).header("Accept", "application/json, application/problem+json")
                .POST(body).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A multipart body with one file part per size given, each of that many bytes. */
    private static byte[] multipart(int... sizes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int size : sizes) {
            out.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"photo.jpg\"\r\n"
                    + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(new byte[size]);
            out.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.write(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
