package com.kefu.platform.test;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** A client of the service under test that hands every answer back, 4xx and 5xx included, for the test to check. */
public final class Api {

    private Api() {
    }

    /**
     * The JDK's HTTP client, which takes an answer as it is: Apache's, on the gateway's classpath for its proxy and
     * otherwise Spring's first choice, retries a 429 by itself.
     */
    public static RestClient client(int port) {
        return RestClient.builder().requestFactory(new JdkClientHttpRequestFactory())
                .baseUrl("http://127.0.0.1:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> { })
                .build();
    }

    /**
     * {@code method path} as {@code authorization} (the whole Authorization header; none if null), with {@code body}
     * as JSON if not null.
     */
    public static ResponseEntity<JsonNode> call(RestClient api, HttpMethod method, String authorization, String path,
                                                Object body) {
        var request = api.method(method).uri(path);
        if (authorization != null) {
            request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.retrieve().toEntity(JsonNode.class);
    }

    /** {@code GET path} as {@code authorization} (none if null), the answer's body as it is. */
    public static ResponseEntity<String> get(RestClient api, String authorization, String path) {
        var request = api.get().uri(path);
        if (authorization != null) {
            request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        return request.retrieve().toEntity(String.class);
    }

    /** The Authorization header of an access token, none for none. */
    public static String authorization(String accessToken) {
        return accessToken == null ? null : "Bearer " + accessToken;
    }

    /** The answer's body, once its status is {@code status}; a 4xx or 5xx is problem details. */
    public static JsonNode expect(ResponseEntity<JsonNode> response, int status) {
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(status);
        if (status >= 400) {
            assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        }
        return response.getBody();
    }
}
