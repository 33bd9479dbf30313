package com.kefu.gateway.production;

import com.kefu.platform.test.Api;
import com.kefu.platform.test.Infrastructure;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * P4: the gateway takes the client's address from X-Forwarded-For only when the peer is a trusted proxy
 * ({@code kefu.gateway.trusted-proxies}); it shows in the rate limit before sign-in, which counts per address (a low
 * limit: five at once). The test's requests come from 127.0.0.1.
 */
class ForwardedForTest {

    private static final int BURST = 5;

    /** Wrong sign-ins, each claiming to come from its own address; how many were refused for the rate. */
    static long refusedForTheRate(int port, boolean eachFromItsOwnAddress) {
        RestClient api = Api.client(port);
        long refused = 0;
        for (int i = 0; i < BURST * 3; i++) {
            String address = eachFromItsOwnAddress ? "203.0.113." + (i + 1) : "203.0.113.200";
            int status = api.post().uri("/api/auth/token").header("X-Forwarded-For", address)
                    .contentType(MediaType.APPLICATION_JSON).body(Map.of("username", "desk", "password", "wrong"))
                    .retrieve().toBodilessEntity().getStatusCode().value();
            refused += status == 429 ? 1 : 0;
        }
        return refused;
    }

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
            "kefu.gateway.rate-limit.per-second=0.001", "kefu.gateway.rate-limit.burst=" + BURST,
            "kefu.gateway.trusted-proxies=10\\.9\\.9\\.9", "COMPLAINT_SERVICE_URL=http://127.0.0.1:9"})
    @ActiveProfiles("local")
    class FromAnUntrustedPeer {

        @DynamicPropertySource
        static void kafka(DynamicPropertyRegistry registry) {
            registry.add("spring.kafka.bootstrap-servers", () -> Infrastructure.get().kafkaBootstrap());
        }

        @LocalServerPort
        int port;

        @Test
        @DisplayName("P4 X-Forwarded-For from a peer that is not a trusted proxy is ignored: every request counts "
                + "against the peer's own address")
        void p4AForwardedAddressFromAnUntrustedPeerIsIgnored() {
            assertThat(refusedForTheRate(port, true)).isEqualTo(BURST * 2L);
        }
    }

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
            "kefu.gateway.rate-limit.per-second=0.001", "kefu.gateway.rate-limit.burst=" + BURST,
            "kefu.gateway.trusted-proxies=127\\.0\\.0\\.1", "COMPLAINT_SERVICE_URL=http://127.0.0.1:9"})
    @ActiveProfiles("local")
    class FromATrustedProxy {

        @DynamicPropertySource
        static void kafka(DynamicPropertyRegistry registry) {
            registry.add("spring.kafka.bootstrap-servers", () -> Infrastructure.get().kafkaBootstrap());
        }

        @LocalServerPort
        int port;

        @Test
        @DisplayName("P4 X-Forwarded-For from a trusted proxy is the client's address: each client its own limit, "
                + "one client past it refused")
        void p4AForwardedAddressFromATrustedProxyIsTheClients() {
            assertThat(refusedForTheRate(port, true)).isZero();
            assertThat(refusedForTheRate(port, false)).isEqualTo(BURST * 2L);
        }
    }
}
