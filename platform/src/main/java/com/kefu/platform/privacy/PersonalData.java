package com.kefu.platform.privacy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A record component that holds personal data (S1, S3): in the event store it is encrypted with the key of the
 * event's {@link DataSubject}, on a topic it travels masked, and once the subject's data is erased it reads as
 * {@link Masking#ERASED}. Text components only; in a nested record it belongs to the outer event's subject.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface PersonalData {
}
