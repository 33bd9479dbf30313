package com.kefu.gateway.limits;

import com.kefu.platform.test.Api;
import com.kefu.platform.test.Infrastructure;
import com.kefu.platform.test.Tokens;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's rate limit per user, and per address before sign-in: a low limit, met quickly, that refills by one
 * request in 100 s, so that however slowly a loaded machine sends the burst, nothing refills meanwhile.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"kefu.gateway.rate-limit.per-second=0.01", "kefu.gateway.rate-limit.burst=5",
                "COMPLAINT_SERVICE_URL=http://127.0.0.1:9"})
@ActiveProfiles("local")
class RateLimitTest {

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> Infrastructure.get().kafkaBootstrap());
    }

    @LocalServerPort
    int port;

    private RestClient api() {
        return Api.client(port);
    }

    private List<ResponseEntity<String>> burst(int requests, String token) {
        List<ResponseEntity<String>> answers = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            var request = token == null
                    ? api().post().uri("/api/auth/token").contentType(MediaType.APPLICATION_JSON)
                            .body(Map.of("username", "desk", "password", "wrong"))
                    : api().get().uri("/api/complaints/42").header(HttpHeaders.AUTHORIZATION, token);
            answers.add(request.retrieve().toEntity(String.class));
        }
        return answers;
    }

    @Test
    @DisplayName("S4 a user past the rate limit gets 429 problem details with Retry-After; another user is not held up; "
            + "a service that does not answer is a 503 with Retry-After, not a 500")
    void limitsEachUser() {
        List<ResponseEntity<String>> answers = burst(8, Tokens.bearer("busy", "AFTER_SALES"));
        // let through to a service that is down: 503 problem details, a moment later again
        assertThat(answers.subList(0, 5)).allSatisfy(answer -> {
            assertThat(answer.getStatusCode().value()).isEqualTo(503);
            assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
            assertThat(answer.getBody()).contains("urn:kefu:problem:service-unavailable")
                    .contains("does not answer").doesNotContain("Idempotency-Key"); // refused: nothing was sent
        });
        ResponseEntity<String> refused = answers.get(7);
        assertThat(refused.getStatusCode().value()).isEqualTo(429);
        assertThat(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
        assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(refused.getBody()).contains("urn:kefu:problem:too-many-requests");

        assertThat(burst(1, Tokens.bearer("calm", "AFTER_SALES")).get(0).getStatusCode().value()).isNotEqualTo(429);
    }

    @Test
    @DisplayName("S4 guessing passwords at speed meets the limit per address")
    void limitsSignInAttempts() {
        List<ResponseEntity<String>> answers = burst(10, null);
        assertThat(answers.get(0).getStatusCode().value()).isEqualTo(401);
        assertThat(answers.stream().filter(answer -> answer.getStatusCode().value() == 429)).isNotEmpty();
    }
}
