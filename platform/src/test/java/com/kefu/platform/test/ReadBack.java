package com.kefu.platform.test;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writes and reads back at once, without waiting or retrying: the read-your-writes checks of every service. A
 * write must answer 2xx, a read 200.
 */
public final class ReadBack {

    private final RestClient api;
    private String lastVersion;

    public ReadBack(RestClient api) {
        this.api = api;
    }

    public JsonNode write(String token, String path, Object body) {
        return write(HttpMethod.POST, token, path, body);
    }

    public JsonNode write(HttpMethod method, String token, String path, Object body) {
        var request = api.method(method).uri(path).header(HttpHeaders.AUTHORIZATION, token)
                .contentType(MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> answer = (body == null ? request : request.body(body)).retrieve()
                .toEntity(JsonNode.class);
        assertThat(answer.getStatusCode().is2xxSuccessful()).as(method + " " + path + " " + answer.getBody()).isTrue();
        lastVersion = answer.getHeaders().getETag();
        return answer.getBody();
    }

    /** The version the last write answered ({@code ETag}: the sequence number of its record's last event). */
    public long lastVersion() {
        assertThat(lastVersion).as("the last write's ETag").matches("\"\\d+\"");
        return Long.parseLong(lastVersion.substring(1, lastVersion.length() - 1));
    }

    public JsonNode read(String token, String path) {
        ResponseEntity<JsonNode> answer = api.get().uri(path).header(HttpHeaders.AUTHORIZATION, token).retrieve()
                .toEntity(JsonNode.class);
        assertThat(answer.getStatusCode().value()).as("GET " + path + " " + answer.getBody()).isEqualTo(200);
        return answer.getBody();
    }
}
