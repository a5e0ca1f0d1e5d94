package io.mms.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record as part of the public event contract that partners read.
 *
 * <p>The type name is what the event store and every partner see. It is chosen once and
 * never derived from the Java class, so classes can move or be renamed freely. Any change
 * to the fields raises the revision and comes with an upcaster for older revisions.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PublicEvent {

    /** The stable public type name, such as {@code CustomerRegistered}. */
    String type();

    /** The revision of the payload's shape, starting at 1. */
    int revision();
}
