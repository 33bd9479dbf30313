package com.kefu.platform.contracts;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A record component that holds personal data (S1, S3, S5): in the event store it is encrypted with the key of the
 * event's {@link DataSubject}; on a topic, in a history and in every view it shows masked as what it is
 * ({@link #value()}), whatever the component is called; once the subject's data is erased it reads as
 * {@link Masking#ERASED}. Text components only; in a nested record it belongs to the outer event's subject.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface PersonalData {

    /** What the text is, which says how it is masked. */
    Kind value() default Kind.NAME;

    /**
     * Whether the text goes on the topic at all. {@code false}: the service keeps it to itself, so the relay leaves
     * it out of the published data altogether, not even masked (a customer's contact in clear, S1); in the store it
     * is encrypted, and in a history or view masked, like any other.
     */
    boolean published() default true;

    enum Kind {
        /** A person's name: {@code 王*}. */
        NAME,
        /** A phone number: {@code 138****5678}. */
        PHONE,
        /** An identity document (kind and number): only its last four characters. */
        DOCUMENT
    }
}
