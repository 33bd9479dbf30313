package com.kefu.platform.config;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.Profiles;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The settings every service starts with ({@code kefu-defaults.yml}, and {@code kefu-local.yml} under the
 * {@code local} profile, {@code kefu-production.yml} under {@code production}), placed below everything else: a
 * service's own configuration, the environment and the command line all override them. Under {@code production} a
 * service starts only with every setting an installation must give ({@link ProductionSettings}).
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    static final String LOG_FORMAT = "kefu.log-format";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.acceptsProfiles(Profiles.of("local"))) {
            load("kefu-local.yml").forEach(source -> environment.getPropertySources().addLast(source));
        }
        boolean production = environment.acceptsProfiles(Profiles.of(ProductionSettings.PROFILE));
        if (production) {
            load("kefu-production.yml").forEach(source -> environment.getPropertySources().addLast(source));
        }
        load("kefu-defaults.yml").forEach(source -> environment.getPropertySources().addLast(source));
        logFormat(environment);
        if (production) {
            ProductionSettings.check(environment);
        }
    }

    /**
     * {@code KEFU_LOG_FORMAT=json} ({@code kefu.log-format}): one JSON object a line on the console (Elastic Common
     * Schema, with the trace id of the request or record), for a log collector; {@code ecs}, {@code logstash} and
     * {@code gelf} name Spring Boot's structured formats themselves; {@code text} (the default) is the plain lines. Below
     * everything else: {@code logging.structured.format.console} given itself wins.
     */
    static void logFormat(ConfigurableEnvironment environment) {
        String format = environment.getProperty(LOG_FORMAT, "text").trim().toLowerCase(Locale.ROOT);
        String structured = switch (format) {
            case "text", "" -> null;
            case "json" -> "ecs";
            case "ecs", "logstash", "gelf" -> format;
            default -> throw new IllegalStateException(LOG_FORMAT + " (KEFU_LOG_FORMAT) is " + format
                    + ": give text, json, ecs, logstash or gelf");
        };
        if (structured != null) {
            environment.getPropertySources().addLast(new MapPropertySource("kefu-log-format",
                    Map.of("logging.structured.format.console", structured)));
        }
    }

    private static List<PropertySource<?>> load(String name) {
        try {
            return new YamlPropertySourceLoader().load(name, new ClassPathResource(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }
}
