package com.kefu.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.kefu.deploy.LocalSystem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a service of {@link LocalSystem} is configured with, read from its own files as Spring Boot reads them: its
 * {@code application.yml} and platform-base's {@code kefu-defaults.yml}, and the profile's files beside them
 * ({@code application-<profile>.yml}, {@code kefu-<profile>.yml}).
 */
final class ServiceSettings {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");
    private static final String LOCAL_PROFILE = "local";

    private final Path root;
    private final LocalSystem.Service service;

    ServiceSettings(Path root, LocalSystem.Service service) {
        this.root = root;
        this.service = service;
    }

    /** Its settings of the default profile and of {@code profile}, flattened ({@code kefu.relay.topic}, {@code a[0]}). */
    Map<String, String> properties(String profile) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (Path file : files(profile)) {
            properties.putAll(flatten(file));
        }
        return properties;
    }

    /**
     * The environment variables it needs where it runs for real, each with why: every {@code ${NAME}} placeholder in
     * its files without a default, or whose default is a local address (the local system's) or a credential (the
     * local system's password); the database's only for a service with a database. The local profile's own settings
     * are {@link #localProfileSettings() elsewhere}.
     */
    Map<String, String> requiredEnvironment(String profile) {
        Map<String, String> required = new LinkedHashMap<>();
        for (Path file : files(profile)) {
            flatten(file).forEach((property, value) -> {
                if (property.startsWith("spring.datasource") && service.database() == null) {
                    return; // a process without a database of its own: the defaults' datasource is not its
                }
                Matcher placeholder = PLACEHOLDER.matcher(value);
                while (placeholder.find()) {
                    String name = placeholder.group(1);
                    String fallback = placeholder.group(2);
                    String why = fallback == null ? "no default"
                            : fallback.contains("127.0.0.1") || fallback.contains("localhost")
                            ? "its default " + fallback + " is the local system's"
                            : name.matches(".*(PASSWORD|USER|KEY|SECRET).*") ? "a credential" : null;
                    if (why != null) {
                        required.put(name, property + " in " + root.relativize(file) + " (" + why + ")");
                    }
                }
            });
        }
        return required;
    }

    /**
     * The properties only the local profile sets ({@code kefu-local.yml}, {@code application-local.yml}: the
     * development keys, the demo users): elsewhere they must come from the installation. A list is one property
     * ({@code kefu.gateway.users}).
     */
    Set<String> localProfileSettings() {
        Set<String> properties = new LinkedHashSet<>();
        for (Path file : List.of(resources().resolve("application-" + LOCAL_PROFILE + ".yml"),
                platformBase().resolve("kefu-" + LOCAL_PROFILE + ".yml"))) {
            if (Files.exists(file)) {
                flatten(file).keySet().forEach(property -> properties.add(property.replaceAll("\\[.*$", "")));
            }
        }
        return properties;
    }

    /**
     * The environment variables Spring Boot binds to a property: {@code kefu.security.public-key} from
     * KEFU_SECURITY_PUBLICKEY, or (its legacy form) KEFU_SECURITY_PUBLIC_KEY.
     */
    static List<String> environmentNames(String property) {
        return List.of(property.replace("-", "").replace('.', '_').toUpperCase(),
                property.replace('-', '_').replace('.', '_').toUpperCase());
    }

    /** The properties a YAML document defines, flattened. */
    static Map<String, String> flatten(String yaml) {
        try {
            Map<String, String> properties = new LinkedHashMap<>();
            for (JsonNode document : YAML.readerFor(JsonNode.class).readValues(yaml).readAll().stream()
                    .map(JsonNode.class::cast).toList()) {
                flatten("", document, properties);
            }
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Path> files(String profile) {
        List<Path> files = new ArrayList<>(List.of(platformBase().resolve("kefu-defaults.yml"),
                resources().resolve("application.yml")));
        if (profile != null) {
            files.add(platformBase().resolve("kefu-" + profile + ".yml"));
            files.add(resources().resolve("application-" + profile + ".yml"));
        }
        return files.stream().filter(Files::exists).toList();
    }

    private Path resources() {
        return root.resolve(service.module()).resolve("src/main/resources");
    }

    private Path platformBase() {
        return root.resolve("platform-base/src/main/resources");
    }

    private static Map<String, String> flatten(Path file) {
        try {
            return flatten(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> into) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> flatten(
                    prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), into));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "[" + i + "]", node.get(i), into);
            }
        } else if (!node.isNull()) {
            into.put(prefix, node.asText());
        }
    }
}
