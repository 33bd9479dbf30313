package com.kefu.platform.axon;

import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

import java.util.Map;
import java.util.function.Function;

/**
 * Events stored under a class that has since moved (e.g. from a service's internal package into its {@code -api}
 * module when it became published) stay readable: the payload type is renamed, old to new, the data and revision
 * untouched. Declared as a Spring bean of type {@code EventUpcaster}, Axon's auto-configuration adds it to the upcaster
 * chain the event storage engine reads through ({@link AxonConfiguration}).
 */
public class RenamedEvents extends SingleEventUpcaster {

    private final Map<String, String> newNames;

    /** @param newNames the old class name of each moved event → its new class name */
    public RenamedEvents(Map<String, String> newNames) {
        this.newNames = Map.copyOf(newNames);
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return newNames.containsKey(representation.getType().getName());
    }

    @Override
    @SuppressWarnings("unchecked")
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        SerializedType type = representation.getType();
        Class<Object> stored = (Class<Object>) representation.getData().getContentType();
        return representation.upcast(new SimpleSerializedType(newNames.get(type.getName()), type.getRevision()), stored,
                Function.identity(), Function.identity());
    }
}
