package com.kefu.complaint.web;

import com.kefu.platform.test.Api;
import com.kefu.platform.test.ServiceTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * complaint-service under the production profile, every setting given (P1: the check passes on what an installation
 * sets; the test's real database and broker then replace the stand-ins): its actuator on the management port only (P2).
 */
@AutoConfigureObservability
@ActiveProfiles("production")
@TestPropertySource(properties = {"management.server.port=0",
        "KAFKA_BOOTSTRAP=the-test-broker:9092", "KEFU_DB_URL=jdbc:postgresql://the-test-database:5432/complaint",
        "PG_USER=kefu", "PG_PASSWORD=the-test-password",
        "kefu.security.public-key=file:/etc/kefu/keys/jwt-public.pem",
        "KEFU_SECURITY_ISSUER=https://kefu.example.com", "KEFU_SECURITY_AUDIENCE=kefu-api",
        "kefu.search.secret=the-test-search-secret"})
class ProductionServiceTest extends ServiceTest {

    @LocalManagementPort
    int managementPort;

    @Test
    @DisplayName("P1 P2 under production the service starts with its settings given; health and prometheus answer "
            + "without a token on the management port, not on the API port, which answers /readyz")
    void p2TheActuatorIsOnTheManagementPortOnly() {
        assertThat(managementPort).isNotEqualTo(port);
        var management = Api.client(managementPort);
        var metrics = management.get().uri("/actuator/prometheus").retrieve().toEntity(String.class);
        assertThat(metrics.getStatusCode().value()).isEqualTo(200);
        assertThat(metrics.getBody()).contains("application=\"complaint-service\"", "kefu_processor_lag_milliseconds");
        assertThat(management.get().uri("/actuator/health/readiness").retrieve().toEntity(String.class)
                .getStatusCode().value()).isEqualTo(200);
        for (String path : new String[] {"/actuator/prometheus", "/actuator/health", "/actuator/health/liveness"}) {
            var onTheApi = api().get().uri(path).retrieve().toEntity(String.class);
            assertThat(onTheApi.getStatusCode().is2xxSuccessful()).as("%s on the API port", path).isFalse();
        }
        assertThat(api().get().uri("/readyz").retrieve().toEntity(String.class).getStatusCode().value())
                .isEqualTo(200);
    }
}
