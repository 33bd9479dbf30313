package com.kefu.gateway.console;

import com.kefu.platform.time.MallTime;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * What the console needs to know of the installation before its first page, beside its static files: the mall's time
 * zone ({@code kefu.mall.zone}), in which it counts today and the days of the duty log, the plans and the campaigns as
 * the services do. Public, like the console's pages: it holds no data.
 */
@RestController
@Hidden
class ConsoleSettings {

    private final MallTime mallTime;

    ConsoleSettings(MallTime mallTime) {
        this.mallTime = mallTime;
    }

    @GetMapping("/console/settings.json")
    Map<String, String> settings() {
        return Map.of("mallZone", mallTime.zone().getId());
    }
}
