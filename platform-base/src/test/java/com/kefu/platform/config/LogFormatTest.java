package com.kefu.platform.config;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code KEFU_LOG_FORMAT} (README, Observability): one setting switches the console to JSON lines. */
class LogFormatTest {

    @Test
    @DisplayName("json writes the console as Elastic Common Schema JSON lines; text, or nothing, as plain lines")
    void jsonIsEcs() {
        assertThat(structured("json")).isEqualTo("ecs");
        assertThat(structured("JSON")).isEqualTo("ecs");
        assertThat(structured("logstash")).isEqualTo("logstash");
        assertThat(structured("text")).isNull();
        assertThat(structured(null)).isNull();
    }

    @Test
    @DisplayName("Spring Boot's own logging.structured.format.console, given, wins")
    void bootsOwnSettingWins() {
        var environment = new MockEnvironment().withProperty(PlatformDefaults.LOG_FORMAT, "json")
                .withProperty("logging.structured.format.console", "logstash");
        PlatformDefaults.logFormat(environment);
        assertThat(environment.getProperty("logging.structured.format.console")).isEqualTo("logstash");
    }

    @Test
    @DisplayName("an unknown format stops the start, naming the ones there are")
    void unknownFormatIsRefused() {
        assertThatThrownBy(() -> structured("yaml")).hasMessageContaining("KEFU_LOG_FORMAT")
                .hasMessageContaining("text, json");
    }

    private static String structured(String format) {
        var environment = new MockEnvironment();
        if (format != null) {
            environment.setProperty(PlatformDefaults.LOG_FORMAT, format);
        }
        PlatformDefaults.logFormat(environment);
        return environment.getProperty("logging.structured.format.console");
    }
}
