package com.kefu.platform.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Raw HTTP/1.1 calls to the service under test: any method, path (sent as given, percent escapes included), headers
 * and bytes, for the tests that send what no well-behaved client would.
 */
public final class Http {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
    private final int port;

    public Http(int port) {
        this.port = port;
    }

    /** What came back; {@code body} decoded as UTF-8 (a binary body reads as noise, which is fine for checks). */
    public record Response(int status, String contentType, String body, Map<String, String> headers) {

        public boolean isProblem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }

        @Override
        public String toString() {
            String shown = body.length() > 300 ? body.substring(0, 300) + "…" : body;
            return status + " " + contentType + " " + shown.replaceAll("\\s+", " ");
        }
    }

    /** A request to build: {@code Http.request("POST", "/api/x").header(…).json("{}")}. */
    public static final class Request {

        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();
        private String description = "";

        private Request(String method, String path) {
            this.method = method;
            this.path = path;
        }

        public Request header(String name, String value) {
            if (value != null) {
                headers.put(name, value);
            }
            return this;
        }

        public Request bearer(String authorization) {
            return header("Authorization", authorization);
        }

        public Request json(String json) {
            return body("application/json", json.getBytes(StandardCharsets.UTF_8));
        }

        public Request body(String contentType, byte[] bytes) {
            header("Content-Type", contentType);
            body = HttpRequest.BodyPublishers.ofByteArray(bytes);
            description = bytes.length > 200 ? bytes.length + " bytes"
                    : new String(bytes, StandardCharsets.UTF_8);
            return this;
        }

        /** A body sent chunked, without a declared length. */
        public Request streamed(String contentType, Supplier<InputStream> bytes, String what) {
            header("Content-Type", contentType);
            body = HttpRequest.BodyPublishers.ofInputStream(bytes);
            description = what;
            return this;
        }

        public String method() {
            return method;
        }

        public String path() {
            return path;
        }

        @Override
        public String toString() {
            Map<String, String> shown = new LinkedHashMap<>();
            headers.forEach((name, value) -> shown.put(name, value.length() > 80
                    ? value.substring(0, 80) + "…(" + value.length() + ")" : value));
            String target = path.length() > 200 ? path.substring(0, 200) + "…(" + path.length() + ")" : path;
            String body = description.length() > 200 ? description.substring(0, 200) + "…" : description;
            return method + " " + target + " " + shown + (body.isEmpty() ? "" : " body " + body);
        }
    }

    public static Request request(String method, String path) {
        return new Request(method, path);
    }

    public Response send(Request request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + request.path))
                .timeout(Duration.ofSeconds(30))
                .method(request.method, request.body);
        request.headers.forEach(builder::header);
        try {
            HttpResponse<byte[]> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            Map<String, String> headers = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(), String.join(", ", values)));
            return new Response(response.statusCode(), headers.get("content-type"),
                    new String(response.body(), StandardCharsets.UTF_8), headers);
        } catch (IOException e) {
            throw new UncheckedIOException("no answer to " + request, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling " + request, e);
        }
    }
}
