package com.kefu.gateway.console;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's message bundles: every area has a bundle in zh, ru and en with the same keys and no empty text, and
 * every key a page or script names literally ({@code $t('…')}, {@code Kefu.t('…')}, {@code nav: '…'}) is in them.
 */
class ConsoleMessagesTest {

    private static final Path CONSOLE = Path.of("src/main/resources/static/console");
    private static final List<String> LANGUAGES = List.of("zh", "ru", "en");
    private static final Pattern LITERAL_KEY =
            Pattern.compile("(?:\\$t|Kefu\\.t|\\bt)\\(\\s*'([A-Za-z0-9_.-]+)'\\s*[,)]|\\bnav:\\s*'([A-Za-z0-9_.-]+)'");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    @DisplayName("each area's bundle has the same keys in zh, ru and en, none empty")
    void bundlesAgree() throws IOException {
        for (String area : areas()) {
            Map<String, Set<String>> keys = new TreeMap<>();
            for (String language : LANGUAGES) {
                Map<String, String> bundle = bundle(language, area);
                bundle.forEach((key, text) -> assertThat(text).as(language + "/" + area + ": " + key).isNotBlank());
                keys.put(language, new TreeSet<>(bundle.keySet()));
            }
            assertThat(keys.get("ru")).as("ru/" + area + " against zh").isEqualTo(keys.get("zh"));
            assertThat(keys.get("en")).as("en/" + area + " against zh").isEqualTo(keys.get("zh"));
        }
    }

    @Test
    @DisplayName("every key the pages and scripts name is in the bundles")
    void everyKeyUsedIsTranslated() throws IOException {
        Set<String> known = new TreeSet<>();
        for (String area : areas()) {
            known.addAll(bundle("en", area).keySet());
        }
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(CONSOLE)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html") || f.toString().endsWith(".js"))
                    .toList()) {
                Matcher keys = LITERAL_KEY.matcher(Files.readString(file));
                while (keys.find()) {
                    String key = keys.group(1) != null ? keys.group(1) : keys.group(2);
                    if (!known.contains(key)) {
                        missing.add(CONSOLE.relativize(file) + ": " + key);
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    private static List<String> areas() throws IOException {
        try (Stream<Path> files = Files.list(CONSOLE.resolve("i18n/en"))) {
            List<String> areas = files.map(f -> f.getFileName().toString().replace(".json", "")).sorted().toList();
            assertThat(areas).contains("core");
            return areas;
        }
    }

    private static Map<String, String> bundle(String language, String area) throws IOException {
        Path file = CONSOLE.resolve("i18n").resolve(language).resolve(area + ".json");
        assertThat(file).as("the " + language + " bundle of " + area).exists();
        return JSON.readValue(file.toFile(), new TypeReference<>() {
        });
    }
}
