package com.kefu.platform.config;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.core.env.ConfigurableEnvironment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Under the {@code production} profile (P1, README "Running in production"), the settings an installation must give
 * itself: the broker, the gateway's public keys and its tokens' issuer and audience (P5), the database (a service that
 * has one, the gateway too) and whatever the service adds in {@code kefu.production.required} (the gateway: its signing
 * key; audit-service and dutylog-service: the key they sign exports and digests with, A5). A setting the package's files fill from {@code ${NAME:fallback}} (the local system's address, its
 * password) counts as given only when NAME is; a development key ({@code local-keys/}) is refused. Every missing
 * setting is named in one message, before anything starts.
 */
final class ProductionSettings {

    static final String PROFILE = "production";
    private static final String DEVELOPMENT_KEYS = "local-keys/";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^:}]+)(?::[^}]*)?}");
    private static final List<String> BROKER_AND_KEY = List.of("spring.kafka.bootstrap-servers",
            "kefu.security.public-key", "kefu.security.issuer", "kefu.security.audience");
    private static final List<String> DATABASE = List.of("spring.datasource.url", "spring.datasource.username",
            "spring.datasource.password");
    private static final List<String> KEYS = List.of("kefu.security.public-key", "kefu.gateway.signing-key",
            "kefu.signing.key");

    private ProductionSettings() {
    }

    /** Refuses to go on, naming every setting missing, when one is. */
    static void check(ConfigurableEnvironment environment) {
        List<String> missing = missing(environment);
        if (!missing.isEmpty()) {
            throw new MissingSettingsException(missing);
        }
    }

    static List<String> missing(ConfigurableEnvironment environment) {
        Set<String> required = new LinkedHashSet<>(BROKER_AND_KEY);
        if (environment.containsProperty("spring.datasource.url")) {
            required.addAll(DATABASE);
        }
        required.addAll(Arrays.asList(environment.getProperty("kefu.production.required", String[].class,
                new String[0])));
        List<String> missing = new ArrayList<>();
        for (String property : required) {
            String problem = problem(environment, property.trim());
            if (problem != null) {
                missing.add(problem);
            }
        }
        return missing;
    }

    /** What is wrong with the property as the installation gives it, or null when nothing is. */
    private static String problem(ConfigurableEnvironment environment, String property) {
        ConfigurationPropertyName name = ConfigurationPropertyName.of(property);
        for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
            ConfigurationProperty found = source.getConfigurationProperty(name);
            if (found == null) {
                if (source.containsDescendantOf(name) == ConfigurationPropertyState.PRESENT) {
                    return null; // a list or a map (kefu.gateway.users[0]…)
                }
                continue;
            }
            String raw = String.valueOf(found.getValue());
            Matcher placeholder = PLACEHOLDER.matcher(raw);
            if (placeholder.matches()) {
                String variable = placeholder.group(1);
                String value = environment.getProperty(variable);
                if (value == null || value.isBlank()) {
                    return variable + " (" + property + ")";
                }
                return developmentKey(property, value);
            }
            String value = environment.resolvePlaceholders(raw);
            if (value.isBlank()) {
                return property + " (" + environmentName(property) + ")";
            }
            return developmentKey(property, value);
        }
        return property + " (" + environmentName(property) + ")";
    }

    private static String developmentKey(String property, String value) {
        return KEYS.contains(property) && value.contains(DEVELOPMENT_KEYS)
                ? property + " (" + environmentName(property) + ": " + value + " is the local profile's development key)"
                : null;
    }

    /** The environment variable an installation sets it with. */
    static String environmentName(String property) {
        return property.replace("-", "").replace('.', '_').toUpperCase();
    }

    /** A production start without its settings: the message names every one. */
    static final class MissingSettingsException extends IllegalStateException {

        MissingSettingsException(List<String> missing) {
            super("the production profile needs these settings, missing or the local system's: "
                    + String.join(", ", missing)
                    + " (README \"Running in production\" lists every setting)");
        }
    }
}
