package com.kefu.platform.axon;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.kefu.platform.contracts.PersonalData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

import java.util.List;

/**
 * Snapshots of the aggregates whose event streams grow without bound (a shift's entries, a member's points, a
 * campaign's hand-outs, a day's broadcast plan). Such an aggregate names the trigger,
 * {@code @Aggregate(snapshotTriggerDefinition = Snapshots.TRIGGER)}, and is then loaded from its latest snapshot
 * and the few events after it, however long its history. Its state is written field by field in JSON; it keeps
 * only what its rules check, so a snapshot stays small. {@code @Revision} on the aggregate names the shape of that
 * state: change the fields, raise the revision, and the older snapshots are passed over (Axon's revision filter)
 * until the next one is taken.
 */
public final class Snapshots {

    /** The name of the snapshot trigger's bean. */
    public static final String TRIGGER = "snapshotTrigger";

    private Snapshots() {
    }

    /**
     * Aggregates as they are: every field, no getters, no setters. A snapshot is not encrypted like an event:
     * an aggregate whose state holds {@link PersonalData} cannot be snapshotted (S3), it is refused here.
     */
    static Serializer serializer(ObjectMapper events) {
        ObjectMapper fields = events.copy()
                .setVisibility(PropertyAccessor.ALL, Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, Visibility.ANY)
                .registerModule(new SimpleModule("no-personal-data-in-snapshots")
                        .setSerializerModifier(new NoPersonalData()));
        return JacksonSerializer.builder().objectMapper(fields).build();
    }

    private static final class NoPersonalData extends BeanSerializerModifier {

        @Override
        public List<BeanPropertyWriter> changeProperties(SerializationConfig config, BeanDescription description,
                                                         List<BeanPropertyWriter> properties) {
            properties.stream().filter(property -> property.getAnnotation(PersonalData.class) != null).findFirst()
                    .ifPresent(property -> {
                        throw new IllegalStateException(description.getBeanClass().getName() + "." + property.getName()
                                + " holds personal data: snapshots are not encrypted (S3)");
                    });
            return properties;
        }
    }
}
