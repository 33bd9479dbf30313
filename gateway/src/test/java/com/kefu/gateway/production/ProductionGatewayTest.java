package com.kefu.gateway.production;

import com.kefu.platform.test.Api;
import com.kefu.platform.test.Infrastructure;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway as an installation runs it, under the production profile with every setting given (the keys under
 * production-keys/ stand in for the installation's): the actuator on its own port (P2), the console's pages with their
 * Content-Security-Policy (P3).
 */
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0",
        // ProductionSettings checks it is given; the test's broker replaces it below
        "KAFKA_BOOTSTRAP=the-test-broker:9092",
        "kefu.security.public-key=classpath:production-keys/jwt-public.pem",
        "KEFU_SECURITY_ISSUER=https://kefu.example.com", "KEFU_SECURITY_AUDIENCE=kefu-api",
        "kefu.gateway.signing-key=classpath:production-keys/jwt-private.pem",
        // ProductionSettings checks the database is given; GatewayDatabase gives the test's own
        "KEFU_DB_URL=jdbc:postgresql://the-test-database/gateway", "PG_USER=kefu", "PG_PASSWORD=kefu",
        // an installation's first account, created in its database at the first start
        "kefu.gateway.users[0].username=head",
        "kefu.gateway.users[0].password-hash=$2a$10$Y99C9wvTtgsLZi0.0lY.Ou8a7vM.rCKg3ZAztQ/Y4RTGdCkgEpDxK",
        "kefu.gateway.users[0].roles[0]=CS_HEAD",
        "COMPLAINT_SERVICE_URL=http://127.0.0.1:9"})
@ActiveProfiles("production")
class ProductionGatewayTest {

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", () -> Infrastructure.get().kafkaBootstrap());
    }

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    private static ResponseEntity<String> get(int port, String path) {
        return Api.get(Api.client(port), null, path);
    }

    @Test
    @DisplayName("P2 under production health, metrics and prometheus answer on the management port without a token, "
            + "never on the API port; the API port answers /readyz and /livez only")
    void p2ManagementEndpointsAreOnTheManagementPortOnly() {
        assertThat(managementPort).isNotEqualTo(port);
        ResponseEntity<String> prometheus = get(managementPort, "/actuator/prometheus");
        assertThat(prometheus.getStatusCode().value()).isEqualTo(200);
        assertThat(prometheus.getBody()).contains("jvm_memory_used_bytes");
        assertThat(get(managementPort, "/actuator/health/readiness").getStatusCode().value()).isEqualTo(200);
        assertThat(get(managementPort, "/actuator/health/liveness").getStatusCode().value()).isEqualTo(200);
        for (String path : new String[] {"/actuator/prometheus", "/actuator/health", "/actuator/health/readiness",
                "/actuator/metrics"}) {
            ResponseEntity<String> onTheApi = get(port, path);
            assertThat(onTheApi.getStatusCode().is2xxSuccessful()).as("%s on the API port", path).isFalse();
            assertThat(onTheApi.getBody()).as("%s on the API port", path).doesNotContain("jvm_");
        }
        // what the gateway asks each instance on its API port (InstanceHealth)
        assertThat(get(port, "/readyz").getStatusCode().value()).isEqualTo(200);
        assertThat(get(port, "/livez").getStatusCode().value()).isEqualTo(200);
    }

    @Test
    @DisplayName("P3 the console's pages carry a Content-Security-Policy allowing only what they load: scripts from the "
            + "gateway itself, never inline; no framing")
    void p3TheConsolesPagesCarryAContentSecurityPolicy() {
        for (String path : new String[] {"/console/", "/console/index.html", "/console/pages/signin.html",
                "/index.html"}) {
            ResponseEntity<String> page = get(port, path);
            assertThat(page.getStatusCode().value()).as(path).isEqualTo(200);
            String policy = page.getHeaders().getFirst("Content-Security-Policy");
            assertThat(policy).as(path).isNotNull()
                    .contains("default-src 'self'", "script-src 'self' 'unsafe-eval';", "object-src 'none'",
                            "frame-ancestors 'none'", "connect-src 'self'")
                    .doesNotContain("*", "https:", "http:");
            assertThat(policy.replaceAll(".*script-src([^;]*);.*", "$1")).as(path).doesNotContain("unsafe-inline");
        }
        // the page's scripts are all the gateway's own (no other origin the policy would have to allow)
        String index = get(port, "/console/index.html").getBody();
        assertThat(index).contains("<script defer src=\"/webjars/alpinejs/").doesNotContainPattern("src=\"(https?:)?//");
        assertThat(index).doesNotContainPattern("<script>");
    }
}
