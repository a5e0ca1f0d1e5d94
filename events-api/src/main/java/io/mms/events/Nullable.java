package io.mms.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an event field that may be null, such as a schedule without an end.
 *
 * <p>Every other field of a public event is always given. The events' JSON Schemas are built
 * from this: a field without the mark is required and never null, a marked one may be null or
 * left out. Leaving the mark off a field that can be null tells partners something false.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD})
public @interface Nullable {
}
