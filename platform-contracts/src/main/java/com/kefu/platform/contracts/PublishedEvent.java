package com.kefu.platform.contracts;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an event record as part of a service's published contract: the relay puts it on the service's
 * topic under this {@link #type()} and {@link #version()}. Events without it stay inside the service.
 * A change to a published event is a new version (or a new type), never a silent edit.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PublishedEvent {

    /** The envelope's {@code type}, e.g. {@code ComplaintReceived}. */
    String type();

    /** The envelope's {@code version} of the {@code data} schema. */
    int version() default 1;
}
