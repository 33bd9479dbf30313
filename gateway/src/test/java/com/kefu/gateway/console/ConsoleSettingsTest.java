package com.kefu.gateway.console;

import com.kefu.platform.time.MallTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleSettingsTest {

    @Test
    @DisplayName("the console counts its days in the installation's zone (kefu.mall.zone), not one written in its script")
    void theMallsZone() {
        var settings = new ConsoleSettings(new MallTime(Clock.systemUTC(), ZoneId.of("Europe/Moscow")));
        assertThat(settings.settings()).containsEntry("mallZone", "Europe/Moscow");
    }
}
