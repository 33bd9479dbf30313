package com.kefu.platform.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
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
        private byte[] bytes;
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
            this.bytes = bytes;
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

        public Map<String, String> headers() {
            return Map.copyOf(headers);
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
        URI uri;
        try {
            uri = URI.create("http://127.0.0.1:" + port + request.path);
        } catch (IllegalArgumentException notAUri) {
            return sendRaw(request);
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(30))
                .method(request.method, request.body);
        request.headers.forEach(builder::header);
        try {
            HttpResponse<byte[]> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            Map<String, String> headers = new LinkedHashMap<>();
            response.headers().map().forEach((name, values) ->
                    headers.put(name.toLowerCase(), String.join(", ", values)));
            return new Response(response.statusCode(), headers.get("content-type"),
                    new String(response.body(), StandardCharsets.UTF_8), headers);
        } catch (IOException e) {
            throw new UncheckedIOException("no answer to " + request, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling " + request, e);
        }
    }

    /**
     * Over a socket of its own, for a path no {@link URI} accepts (a lone {@code %}, {@code %zz}): the request line
     * is written as given. Only for bodies held in memory.
     */
    private Response sendRaw(Request request) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            byte[] body = request.bytes == null ? new byte[0] : request.bytes;
            StringBuilder head = new StringBuilder(request.method + " " + request.path + " HTTP/1.1\r\n")
                    .append("Host: 127.0.0.1:").append(port).append("\r\nConnection: close\r\n");
            request.headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            if (body.length > 0 || !request.method.equals("GET")) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            out.write(body);
            out.flush();
            return parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("no answer to " + request, e);
        }
    }

    private static Response parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        String[] lines = (end < 0 ? text : text.substring(0, end)).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(), lines[i].substring(colon + 1).trim());
            }
        }
        byte[] body = end < 0 ? new byte[0] : java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = unchunk(body);
        }
        return new Response(status, headers.get("content-type"), new String(body, StandardCharsets.UTF_8), headers);
    }

    private static byte[] unchunk(byte[] chunked) {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = at;
            while (lineEnd + 1 < chunked.length && !(chunked[lineEnd] == '\r' && chunked[lineEnd + 1] == '\n')) {
                lineEnd++;
            }
            String size = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int length = size.isEmpty() ? 0 : Integer.parseInt(size, 16);
            if (length == 0) {
                break;
            }
            body.write(chunked, lineEnd + 2, Math.min(length, chunked.length - lineEnd - 2));
            at = lineEnd + 2 + length + 2;
        }
        return body.toByteArray();
    }
}
