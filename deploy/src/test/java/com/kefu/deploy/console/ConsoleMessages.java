package com.kefu.deploy.console;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's own message bundles, so that browser tests assert the wording the console shows. */
final class ConsoleMessages {

    private static final Path BUNDLES =
            Path.of("..", "gateway", "src", "main", "resources", "static", "console", "i18n");
    private static final Map<String, Map<String, String>> BUNDLE_CACHE = new ConcurrentHashMap<>();

    private ConsoleMessages() {
    }

    /** The label {@code key} of bundle {@code area} (e.g. {@code dutylog}) in {@code lang}; fails when it has none. */
    static String message(String lang, String area, String key) {
        Map<String, String> bundle = BUNDLE_CACHE.computeIfAbsent(lang + "/" + area, k -> {
            try {
                return new ObjectMapper().readValue(BUNDLES.resolve(lang).resolve(area + ".json").toFile(),
                        new TypeReference<Map<String, String>>() { });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        assertThat(bundle).as(lang + "/" + area).containsKey(key);
        return bundle.get(key);
    }
}
