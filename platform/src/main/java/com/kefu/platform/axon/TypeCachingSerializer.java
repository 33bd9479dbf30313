package com.kefu.platform.axon;

import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Jackson for events, each stored type name resolved to its class once: Jackson looks the class up by name on every
 * read ({@code TypeFactory.findClass}, through the application's class loader), 4 % of a projection's rebuild
 * (async-profiler, complaint-view, 20,000 events). The store holds a few dozen types; a name whose class is missing
 * stays unknown, as it would on every lookup.
 */
final class TypeCachingSerializer extends JacksonSerializer {

    private final Map<SerializedType, Class<?>> classes = new ConcurrentHashMap<>();

    TypeCachingSerializer(Builder builder) {
        super(builder);
    }

    @Override
    public Class classForType(SerializedType type) {
        return classes.computeIfAbsent(type, super::classForType);
    }
}
