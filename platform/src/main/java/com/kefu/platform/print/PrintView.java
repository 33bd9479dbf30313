package com.kefu.platform.print;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * A printable page with every label in Chinese and Russian: a Mustache template ({@code templates/<name>.mustache},
 * values HTML-escaped) whose labels come from the staff console's own message bundle
 * ({@code console-i18n/<language>/<bundle>.json}, copied onto the service's classpath at build time), so that the paper
 * and the screen say the same. The template reads a label as {@code {{zh.<name>}}} and {@code {{ru.<name>}}}; a label
 * missing from a bundle fails when the view is built, at start, never on paper.
 */
public final class PrintView {

    /** The languages every printed label is in. */
    public static final List<String> LANGUAGES = List.of("zh", "ru");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Template template;
    private final Map<String, Map<String, String>> labels = new HashMap<>();

    private PrintView(String template, List<String> bundles, Map<String, String> keys) {
        this.template = Mustache.compiler().defaultValue("").emptyStringIsFalse(true)
                .compile(reader("templates/" + template + ".mustache"));
        LANGUAGES.forEach(language -> labels.put(language, labels(language, bundles, keys)));
    }

    /**
     * The view of {@code template}; {@code keys}: the name the template knows each label by → its key in
     * {@code bundle} ({@code complaints}, {@code dutyday}, …).
     */
    public static PrintView of(String template, String bundle, Map<String, String> keys) {
        return new PrintView(template, List.of(bundle), keys);
    }

    /** The view of {@code template} whose labels come from several bundles (a key is looked up in all of them). */
    public static PrintView of(String template, List<String> bundles, Map<String, String> keys) {
        return new PrintView(template, List.copyOf(bundles), keys);
    }

    /** The page for {@code values}, the labels of both languages added as {@code zh} and {@code ru}. */
    public String render(Map<String, Object> values) {
        Map<String, Object> page = new HashMap<>(values);
        page.putAll(labels);
        return template.execute(page);
    }

    /** A row of a two-column table: the label {@code name} in both languages ({@code zh}, {@code ru}) and its value. */
    public Map<String, String> row(String name, String value) {
        return Map.of("zh", label("zh", name), "ru", label("ru", name), "value", value);
    }

    /** A label in both languages, {@code 中文 / русский}: a value printed in a table (a category, a state). */
    public String both(String name) {
        return label("zh", name) + " / " + label("ru", name);
    }

    /** Yes or no in both languages: the view's labels named {@code yes} and {@code no}. */
    public String yesNo(boolean yes) {
        return both(yes ? "yes" : "no");
    }

    /** An instant as the mall reads it on paper, to the minute, in {@code zone}; empty for none. */
    public static String time(Instant at, ZoneId zone) {
        return at == null ? "" : TIME.format(at.atZone(zone));
    }

    /** One label in one language. */
    public String label(String language, String name) {
        return labels.get(language).get(name);
    }

    private static Map<String, String> labels(String language, List<String> bundles, Map<String, String> keys) {
        Map<String, String> texts = new HashMap<>();
        List<String> paths = bundles.stream().map(bundle -> "console-i18n/" + language + "/" + bundle + ".json")
                .toList();
        for (String path : paths) {
            try (InputStream in = new ClassPathResource(path).getInputStream()) {
                texts.putAll(new ObjectMapper().readValue(in, new TypeReference<Map<String, String>>() { }));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + path, e);
            }
        }
        Map<String, String> labels = new HashMap<>();
        keys.forEach((name, key) -> {
            String text = texts.get(key);
            if (text == null) {
                throw new IllegalStateException(String.join(", ", paths) + " has no " + key);
            }
            labels.put(name, text);
        });
        return labels;
    }

    private static Reader reader(String path) {
        try {
            return new InputStreamReader(new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
