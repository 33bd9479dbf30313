package com.kefu.broadcast;

import com.fasterxml.jackson.databind.JsonNode;
import com.kefu.platform.test.Api;
import com.kefu.platform.test.Tokens;
import org.awaitility.Awaitility;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** Calls of the broadcast API as the station's people, for the service tests. */
public final class Calls {

    public static final String BROADCASTER = Tokens.bearer("broadcaster", "BROADCASTER");
    public static final String SUPERVISOR = Tokens.bearer("supervisor", "SUPERVISOR");
    public static final String AUDITOR = Tokens.bearer("auditor", "AUDITOR");
    public static final String FRONT_DESK = Tokens.bearer("desk", "FRONT_DESK");

    private final RestClient api;

    public Calls(RestClient api) {
        this.api = api;
    }

    public ResponseEntity<JsonNode> call(HttpMethod method, String token, String path, Object body) {
        return Api.call(api, method, token, path, body);
    }

    public ResponseEntity<JsonNode> post(String token, String path, Object body) {
        return call(HttpMethod.POST, token, path, body);
    }

    public ResponseEntity<JsonNode> get(String token, String path) {
        return call(HttpMethod.GET, token, path, null);
    }

    /** Posts and expects the status; answers the body. */
    public JsonNode expect(int status, String token, String path, Object body) {
        var answer = post(token, path, body);
        assertThat(answer.getStatusCode().value()).as("POST " + path + " answered " + answer.getBody())
                .isEqualTo(status);
        return answer.getBody();
    }

    /** A script drafted by the broadcaster; answers its id. */
    public String draft(Map<String, Object> script) {
        return expect(201, BROADCASTER, "/api/scripts", script).get("id").asText();
    }

    /** A script drafted, submitted and approved by the supervisor (optionally with a validity); answers its id. */
    public String approved(Map<String, Object> script, Map<String, Object> validity) {
        String id = draft(script);
        expect(200, BROADCASTER, "/api/scripts/" + id + "/submit", null);
        expect(200, SUPERVISOR, "/api/scripts/" + id + "/approve", validity);
        return id;
    }

    /** Waits until GET path (as the auditor) answers a body that fits. */
    public JsonNode await(String path, Predicate<JsonNode> until) {
        JsonNode[] last = new JsonNode[1];
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
            var answer = get(AUDITOR, path);
            last[0] = answer.getBody();
            return answer.getStatusCode().is2xxSuccessful() && until.test(answer.getBody());
        });
        return last[0];
    }

    /** Problem details of a refused call: status, media type, and the rule or words it names. */
    public static void assertProblem(ResponseEntity<JsonNode> answer, int status, String... named) {
        assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(status);
        assertThat(answer.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        String text = answer.getBody().toString();
        for (String name : named) {
            assertThat(text).contains(name);
        }
    }
}
