package com.kefu.platform.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * P1: under the production profile a service starts only with its keys, its database and its broker given by the
 * installation, and says in one message every one that is not; the local system's defaults and the development keys
 * do not count.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProductionSettingsTest {

    /** What a service's application.yml has: its database's URL, falling back to the local system's. */
    private static final Map<String, Object> SERVICE_FILES = Map.of("spring.datasource.url",
            "${KEFU_DB_URL:jdbc:postgresql://127.0.0.1:15432/complaint}");

    @Configuration(proxyBeanMethods = false)
    static class Nothing {
    }

    @Test
    void p1P5ProductionWithoutItsSettingsRefusesToStartNamingEveryOneMissing(CapturedOutput output) {
        assertThatThrownBy(() -> start(List.of()))
                .isInstanceOf(ProductionSettings.MissingSettingsException.class)
                .hasMessageContaining("KAFKA_BOOTSTRAP (spring.kafka.bootstrap-servers)")
                .hasMessageContaining("kefu.security.public-key (KEFU_SECURITY_PUBLICKEY)")
                .hasMessageContaining("KEFU_SECURITY_ISSUER (kefu.security.issuer)")
                .hasMessageContaining("KEFU_SECURITY_AUDIENCE (kefu.security.audience)")
                .hasMessageContaining("KEFU_DB_URL (spring.datasource.url)")
                .hasMessageContaining("PG_USER (spring.datasource.username)")
                .hasMessageContaining("PG_PASSWORD (spring.datasource.password)");
        // the log says it as a failed start, not as a stack trace
        assertThat(output).contains("APPLICATION FAILED TO START", "the production profile needs these settings",
                "Give each setting named");
    }

    @Test
    void p1ProductionWithOnlySomeSettingsNamesTheOthersAndRefusesTheDevelopmentKey() {
        assertThatThrownBy(() -> start(List.of("--KAFKA_BOOTSTRAP=kafka:9092", "--PG_USER=kefu",
                "--kefu.security.public-key=classpath:local-keys/jwt-public.pem")))
                .isInstanceOf(ProductionSettings.MissingSettingsException.class)
                .hasMessageContaining("KEFU_DB_URL (spring.datasource.url)")
                .hasMessageContaining("PG_PASSWORD (spring.datasource.password)")
                .hasMessageContaining("local-keys/jwt-public.pem is the local profile's development key")
                .hasMessageNotContaining("KAFKA_BOOTSTRAP")
                .hasMessageNotContaining("PG_USER");
    }

    @Test
    void p1TheGatewaysOwnRequiredSettingsAreNamedToo() {
        assertThatThrownBy(() -> start(List.of("--kefu.production.required=kefu.gateway.signing-key,kefu.gateway.users")))
                .isInstanceOf(ProductionSettings.MissingSettingsException.class)
                .hasMessageContaining("kefu.gateway.signing-key (KEFU_GATEWAY_SIGNINGKEY)")
                .hasMessageContaining("kefu.gateway.users (KEFU_GATEWAY_USERS)");
    }

    @Test
    void a5TheSigningKeyOfAuditAndDutylogIsRequiredAndNeverTheDevelopmentOne() {
        assertThatThrownBy(() -> start(List.of("--kefu.production.required=kefu.signing.key")))
                .isInstanceOf(ProductionSettings.MissingSettingsException.class)
                .hasMessageContaining("kefu.signing.key (KEFU_SIGNING_KEY)");
        assertThatThrownBy(() -> start(List.of("--kefu.production.required=kefu.signing.key",
                "--kefu.signing.key=classpath:local-keys/signing-private.pem")))
                .isInstanceOf(ProductionSettings.MissingSettingsException.class)
                .hasMessageContaining("local-keys/signing-private.pem is the local profile's development key");
    }

    @Test
    void p1ProductionWithEverySettingGivenStarts(@TempDir Path keys) throws IOException {
        Path publicKey = keys.resolve("jwt-public.pem");
        try (InputStream key = new ClassPathResource("local-keys/jwt-public.pem").getInputStream()) {
            Files.copy(key, publicKey);
        }
        try (ConfigurableApplicationContext context = start(List.of("--KAFKA_BOOTSTRAP=kafka:9092",
                "--KEFU_DB_URL=jdbc:postgresql://postgres:5432/complaint", "--PG_USER=kefu", "--PG_PASSWORD=secret",
                "--kefu.security.public-key=file:" + publicKey,
                "--KEFU_SECURITY_ISSUER=https://kefu.example.com", "--KEFU_SECURITY_AUDIENCE=kefu-api",
                "--kefu.production.required=kefu.gateway.users",
                "--kefu.gateway.users[0].username=head"))) {
            assertThat(context.getEnvironment().getActiveProfiles()).containsExactly("production");
            assertThat(context.getEnvironment().getProperty("spring.datasource.url"))
                    .isEqualTo("jdbc:postgresql://postgres:5432/complaint");
            assertThat(context.getEnvironment().getProperty("kefu.security.issuer"))
                    .isEqualTo("https://kefu.example.com");
        }
    }

    @Test
    void p1TheLocalProfileNeedsNoneOfThem() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Nothing.class)
                .web(WebApplicationType.NONE).properties(SERVICE_FILES).profiles("local").run()) {
            assertThat(context.getEnvironment().getProperty("kefu.security.public-key"))
                    .isEqualTo("classpath:local-keys/jwt-public.pem");
            assertThat(context.getEnvironment().getProperty("kefu.security.issuer")).isEqualTo("kefu-gateway");
            assertThat(context.getEnvironment().getProperty("kefu.security.audience")).isEqualTo("kefu-api");
        }
    }

    private static ConfigurableApplicationContext start(List<String> arguments) {
        List<String> args = new ArrayList<>(arguments);
        return new SpringApplicationBuilder(Nothing.class).web(WebApplicationType.NONE).properties(SERVICE_FILES)
                .profiles(ProductionSettings.PROFILE).run(args.toArray(String[]::new));
    }
}
