package com.kefu.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A staff member talking to the system through the gateway, as the README's curl commands do. */
final class Gateway {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final String token;

    private Gateway(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    static Gateway signIn(String baseUrl, String username) {
        Response login = send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/auth/token")), "POST",
                Map.of("username", username, "password", "demo"));
        if (login.status() != 200) {
            throw new IllegalStateException("login of " + username + " failed: " + login);
        }
        return new Gateway(baseUrl, login.body().get("access_token").asText());
    }

    record Response(int status, JsonNode body) {
    }

    Response post(String path, Object body) {
        return send(authorized(path), "POST", body);
    }

    Response get(String path) {
        return send(authorized(path), "GET", null);
    }

    /** A multipart upload of one file in the part {@code file}. */
    Response upload(String path, String filename, String contentType, byte[] content) {
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
            return new Response(response.statusCode(), json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
