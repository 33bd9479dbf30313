package com.kefu.platform.privacy;

import com.kefu.platform.contracts.DataSubject;

import com.kefu.platform.contracts.PersonalData;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * Where the personal data of an event type lies: the JSON paths of its {@link PersonalData} components (nested
 * records included), what each is, and the component naming their {@link DataSubject}. Worked out once per type.
 */
public final class PersonalFields {

    private static final Map<Class<?>, PersonalFields> KNOWN = new ConcurrentHashMap<>();
    private static final PersonalFields NONE = new PersonalFields(null, List.of());

    private final String subject;
    private final List<Path> paths;

    /** One personal text: where it lies in the event's JSON, what it is and whether it may go on a topic. */
    private record Path(List<String> names, PersonalData.Kind kind, boolean published) {

        String field() {
            return names.get(names.size() - 1);
        }
    }

    private PersonalFields(String subject, List<Path> paths) {
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
        List<Path> paths = new ArrayList<>();
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

    private static void collect(Class<?> type, List<String> prefix, List<Path> paths, int depth) {
        for (RecordComponent component : type.getRecordComponents()) {
            List<String> path = new ArrayList<>(prefix);
            path.add(component.getName());
            if (component.isAnnotationPresent(PersonalData.class)) {
                if (component.getType() != String.class) {
                    throw new IllegalStateException(type.getName() + "." + component.getName()
                            + ": only text can be marked @PersonalData");
                }
                PersonalData personal = component.getAnnotation(PersonalData.class);
                paths.add(new Path(List.copyOf(path), personal.value(), personal.published()));
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
        rewrite(event, (kind, text) -> change.apply(text));
    }

    /**
     * Masks every personal text of {@code event} (in place) as what it is (S5): a name as its initials, a phone as
     * {@code 138****5678}, a document as its last characters; whatever the components are called.
     */
    public void mask(ObjectNode event) {
        rewrite(event, Masking::of);
    }

    /**
     * The event as it goes on a topic (S1, S5): each personal text masked as {@link #mask} does, and the ones the
     * service keeps to itself ({@link PersonalData#published()} false) left out altogether.
     */
    public void forTopic(ObjectNode event) {
        for (Path personal : paths) {
            if (!personal.published()) {
                ObjectNode parent = parentOf(event, personal);
                if (parent != null) {
                    parent.remove(personal.field());
                }
            }
        }
        mask(event);
    }

    private void rewrite(ObjectNode event, BiFunction<PersonalData.Kind, String, String> change) {
        for (Path personal : paths) {
            ObjectNode parent = parentOf(event, personal);
            String field = personal.field();
            if (parent != null && parent.hasNonNull(field)) {
                parent.put(field, change.apply(personal.kind(), parent.get(field).asText()));
            }
        }
    }

    private static ObjectNode parentOf(ObjectNode event, Path personal) {
        List<String> path = personal.names();
        JsonNode node = event;
        for (int i = 0; i < path.size() - 1 && node != null; i++) {
            node = node.get(path.get(i));
        }
        return node instanceof ObjectNode parent ? parent : null;
    }
}
