package com.kefu.gateway.notifications;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The text of a notification's e-mail, in Chinese and Russian (中俄双语), each label from the console's own bundles
 * ({@code static/console/i18n/<zh|ru>/notifications.json}, the labels the console shows): the kind, the facts of the
 * event (the complaint's number, when its stage is due in the mall's time zone, …) and the link to its page in the
 * console. Nothing of a customer: the events it is made from carry none (see {@link Occurrence}).
 */
final class MailText {

    private static final List<String> LANGUAGES = List.of("zh", "ru");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Map<String, Map<String, String>> bundles;
    private final ZoneId zone;
    private final String consoleUrl;

    MailText(ZoneId zone, String consoleUrl) {
        this.zone = zone;
        this.consoleUrl = consoleUrl.endsWith("/") ? consoleUrl : consoleUrl + "/";
        this.bundles = Map.of("zh", bundle("zh"), "ru", bundle("ru"));
    }

    record Text(String subject, String body) {
    }

    Text of(Occurrence occurrence) {
        String kind = "notifications.kind." + occurrence.kind().id();
        Object reference = occurrence.facts().values().stream().findFirst().orElse("");
        String subject = "[kefu] " + both(kind, " / ") + " · " + shown(reference);
        StringBuilder body = new StringBuilder();
        body.append(both(kind, " / ")).append("\n\n");
        occurrence.facts().forEach((fact, value) -> body.append(both("notifications.fact." + fact, " / "))
                .append(": ").append(shown(value)).append('\n'));
        body.append('\n').append(both("notifications.mail.open", " / ")).append(": ")
                .append(consoleUrl).append('#').append(occurrence.page()).append("\n\n");
        LANGUAGES.forEach(language -> body.append(label(language, "notifications.mail.footer")).append('\n'));
        return new Text(subject.length() > 300 ? subject.substring(0, 300) : subject, body.toString());
    }

    /** An instant as the mall reads it, with its zone named; everything else as it is. */
    private String shown(Object value) {
        if (value instanceof Instant instant) {
            return TIME.format(instant.atZone(zone)) + " (" + zone.getId() + ")";
        }
        return value == null ? "" : value.toString();
    }

    private String both(String key, String separator) {
        return label("zh", key) + separator + label("ru", key);
    }

    private String label(String language, String key) {
        return bundles.get(language).getOrDefault(key, key);
    }

    private static Map<String, String> bundle(String language) {
        var resource = new ClassPathResource("static/console/i18n/" + language + "/notifications.json");
        try (InputStream in = resource.getInputStream()) {
            return new ObjectMapper().readValue(in, new TypeReference<Map<String, String>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("the console's bundle " + resource.getPath() + " cannot be read", e);
        }
    }
}
