package com.kefu.platform.axon;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The kinds of record a service keeps, as auditors open them (A4): for each, its name in URLs ({@code
 * service-requests}), the aggregate that keeps it, the roles that may read it in the service's own API, and the read by
 * id that the service's {@code GET} of one record answers with. From it, {@link AuditedRecordsController} serves every
 * record's history and its view as it was ({@link RecordsAsOf}). Every aggregate of a service is in its registry (a
 * test of each service says so).
 */
public final class AuditedRecords {

    /**
     * @param name      the kind's name in URLs, plural, in lower case ({@code campaigns})
     * @param aggregate the aggregate class whose events make the record ({@code Campaign}: its type in the store)
     * @param readers   the roles that may read such a record in the service's API
     * @param read      the ordinary read of one record by its id, empty when there is none
     */
    public record Kind(String name, Class<?> aggregate, List<String> readers,
                       Function<String, Optional<Object>> read) {

        public Kind {
            if (!name.matches("[a-z][a-z0-9-]*")) {
                throw new IllegalArgumentException("a kind's name is lower case with dashes: " + name);
            }
            readers = List.copyOf(readers);
        }

        /** The aggregate's type as the event store records it: the class's simple name. */
        public String aggregateType() {
            return aggregate.getSimpleName();
        }
    }

    private final Map<String, Kind> kinds = new LinkedHashMap<>();

    private AuditedRecords(List<Kind> kinds) {
        for (Kind kind : kinds) {
            if (this.kinds.putIfAbsent(kind.name(), kind) != null) {
                throw new IllegalArgumentException("two kinds are named " + kind.name());
            }
        }
    }

    public static AuditedRecords of(Kind... kinds) {
        return new AuditedRecords(Arrays.asList(kinds));
    }

    /** A kind; {@code read} is typed to keep the registrations short ({@code queries::campaign}). */
    public static <T> Kind kind(String name, Class<?> aggregate, List<String> readers,
                                Function<String, Optional<T>> read) {
        return new Kind(name, aggregate, readers, id -> read.apply(id).map(Object.class::cast));
    }

    public static AuditedRecords none() {
        return new AuditedRecords(List.of());
    }

    public List<Kind> kinds() {
        return List.copyOf(kinds.values());
    }

    public Optional<Kind> kind(String name) {
        return Optional.ofNullable(kinds.get(name));
    }

    /** The kind whose records the aggregate {@code aggregate} keeps. */
    public Optional<Kind> kindOf(Class<?> aggregate) {
        return kinds.values().stream().filter(kind -> kind.aggregate().equals(aggregate)).findFirst();
    }
}
