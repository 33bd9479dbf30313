package com.kefu.platform.test;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/** A client of the service under test that hands every answer back, 4xx and 5xx included, for the test to check. */
public final class Api {

    private Api() {
    }

    public static RestClient client(int port) {
        return RestClient.builder().baseUrl("http://127.0.0.1:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
    }

    /** {@code method path} as {@code token} (the whole Authorization header), with {@code body} as JSON if not null. */
    public static ResponseEntity<JsonNode> call(RestClient api, HttpMethod method, String token, String path,
                                                Object body) {
        var request = api.method(method).uri(path).header(HttpHeaders.AUTHORIZATION, token);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.retrieve().toEntity(JsonNode.class);
    }
}
