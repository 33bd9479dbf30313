package com.kefu.gateway.limits;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rate limit's buckets (Bucket4j) and their bounded cache (Caffeine), without a server. */
class RateLimitBucketsTest {

    private static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json().build();

    private static MockHttpServletResponse call(RateLimit limit, String address) throws ServletException, IOException {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/complaints");
        request.setRemoteAddr(address);
        MockHttpServletResponse response = new MockHttpServletResponse();
        limit.doFilter(request, response, new MockFilterChain());
        return response;
    }

    @Test
    @DisplayName("S4 past the burst the caller gets 429 problem details (type, status, detail) with Retry-After")
    void refusesPastTheBurst() throws Exception {
        RateLimit limit = new RateLimit(0.5, 3, JSON);
        for (int i = 0; i < 3; i++) {
            assertThat(call(limit, "10.0.0.1").getStatus()).isEqualTo(200);
        }
        MockHttpServletResponse refused = call(limit, "10.0.0.1");
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(Long.parseLong(refused.getHeader("Retry-After"))).isBetween(1L, 2L);
        JsonNode problem = JSON.readTree(refused.getContentAsByteArray());
        assertThat(problem.get("type").asText()).isEqualTo("urn:kefu:problem:too-many-requests");
        assertThat(problem.get("status").asInt()).isEqualTo(429);
        assertThat(problem.get("detail").asText()).contains("try again in");
        assertThat(call(limit, "10.0.0.2").getStatus()).as("another caller").isEqualTo(200);
    }

    @Test
    @DisplayName("S4 a flood of addresses keeps at most the bound of buckets, not one per address")
    void boundedBuckets() throws Exception {
        RateLimit limit = new RateLimit(50, 100, 100, JSON);
        for (int i = 0; i < 1_000; i++) {
            call(limit, "10.1." + (i / 250) + "." + (i % 250));
        }
        assertThat(limit.callers()).isLessThanOrEqualTo(100);
    }

    @Test
    @DisplayName("S4 a rate limit that could never let a request through is refused at start")
    void refusesANonsenseConfiguration() {
        assertThatThrownBy(() -> new RateLimit(0, 10, JSON)).hasMessageContaining("per-second");
        assertThatThrownBy(() -> new RateLimit(1, 0.5, JSON)).hasMessageContaining("burst");
    }
}
