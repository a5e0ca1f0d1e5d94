package io.mms.events.schema;

/**
 * Names one JSON Schema of the contract: the shape of one event type at one revision.
 *
 * @param type     the public type name, such as {@code CustomerRegistered}
 * @param revision the revision of the payload's shape, from 1
 */
public record EventSchema(String type, int revision) {

    private static final String ID_PREFIX = "urn:mms:event:";

    /** The schema's {@code $id}, which stays the same wherever the schema is read from. */
    public String id() {
        return ID_PREFIX + type + ":" + revision;
    }

    /** Where the schema lies, relative to this package, in the jar and in the sources. */
    public String resource() {
        return type + "/" + revision + ".json";
    }
}
