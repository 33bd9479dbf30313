package com.kefu.platform.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Where the personal data of an event type lies: the JSON paths of its {@link PersonalData} components (nested
 * records included) and the component naming their {@link DataSubject}. Worked out once per type.
 */
public final class PersonalFields {

    private static final Map<Class<?>, PersonalFields> KNOWN = new ConcurrentHashMap<>();
    private static final PersonalFields NONE = new PersonalFields(null, List.of());

    private final String subject;
    private final List<List<String>> paths;

    private PersonalFields(String subject, List<List<String>> paths) {
        this.subject = subject;
        this.paths = paths;
    }

    public static PersonalFields of(Class<?> type) {
        return KNOWN.computeIfAbsent(type, PersonalFields::find);
    }

    private static PersonalFields find(Class<?> type) {
        if (!type.isRecord()) {
            return NONE;
        }
        List<List<String>> paths = new ArrayList<>();
        collect(type, List.of(), paths, 0);
        if (paths.isEmpty()) {
            return NONE;
        }
        String subject = null;
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.isAnnotationPresent(DataSubject.class)) {
                subject = component.getName();
            }
        }
        if (subject == null) {
            throw new IllegalStateException(type.getName() + " holds personal data but names no @DataSubject");
        }
        return new PersonalFields(subject, List.copyOf(paths));
    }

    private static void collect(Class<?> type, List<String> prefix, List<List<String>> paths, int depth) {
        for (RecordComponent component : type.getRecordComponents()) {
            List<String> path = new ArrayList<>(prefix);
            path.add(component.getName());
            if (component.isAnnotationPresent(PersonalData.class)) {
                if (component.getType() != String.class) {
                    throw new IllegalStateException(type.getName() + "." + component.getName()
                            + ": only text can be marked @PersonalData");
                }
                paths.add(List.copyOf(path));
            } else if (component.getType().isRecord() && depth < 4) {
                collect(component.getType(), path, paths, depth + 1);
            }
        }
    }

    public boolean any() {
        return !paths.isEmpty();
    }

    /** The subject named in an event's JSON, if it holds personal data. */
    public Optional<String> subjectOf(JsonNode event) {
        return any() ? Optional.of(event.path(subject).asText()).filter(id -> !id.isEmpty()) : Optional.empty();
    }

    /** Replaces every personal text of {@code event} (in place) by what {@code change} makes of it. */
    public void rewrite(ObjectNode event, UnaryOperator<String> change) {
        for (List<String> path : paths) {
            JsonNode node = event;
            for (int i = 0; i < path.size() - 1 && node != null; i++) {
                node = node.get(path.get(i));
            }
            String field = path.get(path.size() - 1);
            if (node instanceof ObjectNode parent && parent.hasNonNull(field)) {
                parent.put(field, change.apply(parent.get(field).asText()));
            }
        }
    }
}
