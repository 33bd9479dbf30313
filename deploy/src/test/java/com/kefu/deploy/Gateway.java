package com.kefu.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** A staff member talking to the system through the gateway, as the README's curl commands do. */
public final class Gateway {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final String token;

    private Gateway(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    /**
     * A token for {@code username} with {@code roles}, signed by the local profile's development key as the gateway
     * signs its own (issuer, audience, the key's id): for a service called directly, or a user the local profile does
     * not seed.
     */
    public static String localToken(String username, String... roles) {
        try {
            String pem = Files.readString(java.nio.file.Path.of("..", "platform-base", "src", "main", "resources", "local-keys",
                    "jwt-private.pem"));
            byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
            Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
            // the key's id is its RFC 7638 thumbprint, as the gateway names it in the tokens it signs (P6)
            RSAPrivateCrtKey crt = (RSAPrivateCrtKey) key;
            String jwk = "{\"e\":\"" + url.encodeToString(unsigned(crt.getPublicExponent())) + "\",\"kty\":\"RSA\",\"n\":\""
                    + url.encodeToString(unsigned(crt.getModulus())) + "\"}";
            String kid = url.encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(jwk.getBytes(StandardCharsets.UTF_8)));
            long now = Instant.now().getEpochSecond();
            String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}";
            String claims = "{\"iss\":\"kefu-gateway\",\"aud\":\"kefu-api\",\"sub\":\"" + username + "\",\"iat\":"
                    + now + ",\"exp\":" + (now + 3600) + ",\"roles\":[\"" + String.join("\",\"", roles) + "\"]}";
            String signingInput = url.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                    + url.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + url.encodeToString(rsa.sign());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A big integer's bytes without the sign byte Java adds, as JSON Web Keys write them. */
    private static byte[] unsigned(java.math.BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 && bytes.length > 1 ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    /** {@code username} with {@code roles} talking directly to a service at {@code baseUrl}, with a local token. */
    public static Gateway as(String baseUrl, String username, String... roles) {
        return new Gateway(baseUrl, localToken(username, roles));
    }

    public static Gateway signIn(String baseUrl, String username) {
        Response login = send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/auth/token")), "POST",
                Map.of("username", username, "password", "demo"));
        if (login.status() != 200) {
            throw new IllegalStateException("login of " + username + " failed: " + login);
        }
        return new Gateway(baseUrl, login.body().get("access_token").asText());
    }

    /** An answer; {@code retryAfter} its {@code Retry-After} header, if any, {@code traceIds} its X-Trace-Id headers. */
    public record Response(int status, JsonNode body, String retryAfter, List<String> traceIds) {

        public Response(int status, JsonNode body) {
            this(status, body, null, List.of());
        }
    }

    public Response post(String path, Object body) {
        return send(authorized(path), "POST", body);
    }

    /** A POST with headers of its own (a {@code traceparent}, say). */
    public Response post(String path, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = authorized(path);
        headers.forEach(request::header);
        return send(request, "POST", body);
    }

    public Response get(String path) {
        return send(authorized(path), "GET", null);
    }

    /** A file as it came: its status, {@code Content-Type} and bytes (a signed export, a public key). */
    public record Download(int status, String contentType, byte[] body) {
    }

    public Download download(String path) {
        try {
            HttpResponse<byte[]> response = HTTP.send(authorized(path).GET().timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A multipart upload of one file in the part {@code file}. */
    public Response upload(String path, String filename, String contentType, byte[] content) {
        String boundary = "kefu-" + java.util.UUID.randomUUID();
        var body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try {
            HttpResponse<byte[]> response = HTTP.send(authorized(path)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
            JsonNode json = response.body().length == 0 ? null : JSON.readTree(response.body());
            return new Response(response.statusCode(), json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder authorized(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", "Bearer " + token);
    }

    private static Response send(HttpRequest.Builder request, String method, Object body) {
        try {
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
            HttpResponse<byte[]> response = HTTP.send(request.method(method, publisher)
                    .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            JsonNode json = response.body().length == 0 ? null : JSON.readTree(response.body());
            return new Response(response.statusCode(), json,
                    response.headers().firstValue("Retry-After").orElse(null),
                    response.headers().allValues("X-Trace-Id"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An event of a Server-Sent Events stream. */
    record Event(String name, String id, JsonNode data) {
    }

    /**
     * Opens a Server-Sent Events stream as this user, over a plain socket so that {@link EventStream#close()} drops
     * the connection at once, as a closed browser tab does. Answers the refusal's status when it is not 200.
     */
    EventStream stream(String path) {
        URI uri = URI.create(baseUrl + path);
        try {
            var socket = new java.net.Socket(uri.getHost(), uri.getPort());
            String request = "GET " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nAccept: text/event-stream\r\nConnection: close\r\nAuthorization: Bearer " + token
                    + "\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            var in = new java.io.BufferedInputStream(socket.getInputStream());
            int status = Integer.parseInt(EventStream.line(in).split(" ")[1]);
            boolean chunked = false;
            for (String header = EventStream.line(in); !header.isEmpty(); header = EventStream.line(in)) {
                chunked |= header.toLowerCase().startsWith("transfer-encoding:") && header.contains("chunked");
            }
            return new EventStream(status, socket, in, chunked);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The events of one open stream, read on a thread of their own. */
    static final class EventStream implements AutoCloseable {

        private final int status;
        private final java.net.Socket socket;
        private final java.util.concurrent.BlockingQueue<Event> events = new java.util.concurrent.LinkedBlockingQueue<>();

        private EventStream(int status, java.net.Socket socket, java.io.InputStream in, boolean chunked) {
            this.status = status;
            this.socket = socket;
            if (status == 200) {
                Thread reader = new Thread(() -> read(in, chunked), "event-stream");
                reader.setDaemon(true);
                reader.start();
            } else {
                close();
            }
        }

        int status() {
            return status;
        }

        /** The next event; fails after {@code timeout}. */
        Event next(Duration timeout) {
            try {
                Event event = events.poll(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
                if (event == null) {
                    throw new AssertionError("no event within " + timeout);
                }
                return event;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** The next event within {@code timeout}, or null. */
        Event poll(Duration timeout) throws InterruptedException {
            return events.poll(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // closed already
            }
        }

        /** Dechunks the body and dispatches an event at each blank line, as a browser's EventSource does. */
        private void read(java.io.InputStream in, boolean chunked) {
            var text = new StringBuilder();
            String name = null;
            String id = null;
            StringBuilder data = null;
            try {
                while (true) {
                    byte[] bytes;
                    if (chunked) {
                        int size = Integer.parseInt(line(in).split(";")[0].trim(), 16);
                        if (size == 0) {
                            return;
                        }
                        bytes = in.readNBytes(size);
                        line(in);
                    } else {
                        int b = in.read();
                        if (b < 0) {
                            return;
                        }
                        bytes = new byte[] {(byte) b};
                    }
                    text.append(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
                    for (int end = text.indexOf("\n"); end >= 0; end = text.indexOf("\n")) {
                        String field = text.substring(0, end);
                        text.delete(0, end + 1);
                        if (field.isEmpty()) {
                            if (data != null) {
                                events.add(new Event(name == null ? "message" : name, id, JSON.readTree(data.toString())));
                            }
                            name = null;
                            data = null;
                        } else if (field.startsWith("event:")) {
                            name = field.substring(6).strip();
                        } else if (field.startsWith("id:")) {
                            id = field.substring(3).strip();
                        } else if (field.startsWith("data:")) {
                            String value = field.substring(5);
                            value = value.startsWith(" ") ? value.substring(1) : value;
                            data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                // the stream was closed
            }
        }

        static String line(java.io.InputStream in) throws IOException {
            var line = new StringBuilder();
            for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }
    }
}
