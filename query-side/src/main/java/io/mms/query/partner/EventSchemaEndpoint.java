package io.mms.query.partner;

import io.mms.events.EventCatalog;
import io.mms.events.schema.EventSchema;
import io.mms.events.schema.EventSchemas;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The JSON Schemas of the events partners receive, as {@code events-api} ships them: an index of
 * every event type with its revisions, each type's entry, and each revision's schema (draft
 * 2020-12, served as {@code application/schema+json}). Any client that may read events may read
 * them, whichever event types it was granted: they describe the contract, not its data.
 */
@RestController
class EventSchemaEndpoint {

    static final MediaType SCHEMA_JSON = MediaType.parseMediaType("application/schema+json");

    @GetMapping(PartnerApi.SCHEMAS)
    Index index(HttpServletRequest request) {
        requireReader(request);
        return new Index(EventCatalog.events().stream()
                .map(EventCatalog::typeOf)
                .sorted()
                .map(EventSchemaEndpoint::entry)
                .toList());
    }

    @GetMapping(PartnerApi.SCHEMAS + "/{type}")
    TypeEntry type(HttpServletRequest request, @PathVariable String type) {
        requireReader(request);
        return entry(knownType(type));
    }

    @GetMapping(PartnerApi.SCHEMAS + "/{type}/{revision}")
    ResponseEntity<String> schema(HttpServletRequest request, @PathVariable String type,
                                  @PathVariable String revision) {
        requireReader(request);
        String json = EventSchemas.json(knownType(type), revisionNumber(revision))
                .orElseThrow(() -> ApiRefusal.notFound(type + " has no revision " + revision + "; its revisions are "
                        + entry(type).revisions().stream().map(Revision::revision).toList()));
        return ResponseEntity.ok().contentType(SCHEMA_JSON).body(json);
    }

    private static void requireReader(HttpServletRequest request) {
        SubscriptionRequests.requireAnyScope(request, ApiClient.READ, ApiClient.EXPORT);
    }

    private static String knownType(String type) {
        if (EventCatalog.classOf(type).isEmpty()) {
            throw ApiRefusal.notFound("'" + type + "' is not a public event type; "
                    + PartnerApi.SCHEMAS + " lists them");
        }
        return type;
    }

    private static int revisionNumber(String revision) {
        try {
            return Integer.parseInt(revision);
        } catch (NumberFormatException notANumber) {
            throw ApiRefusal.invalid("a revision is a whole number such as 1, not '" + revision + "'");
        }
    }

    private static TypeEntry entry(String type) {
        List<Revision> revisions = EventSchemas.revisionsOf(type).stream()
                .map(schema -> new Revision(schema.revision(), schema.id(), href(schema)))
                .toList();
        int current = EventCatalog.revisionOf(EventCatalog.classOf(type).orElseThrow());
        return new TypeEntry(type, current, revisions);
    }

    private static String href(EventSchema schema) {
        return PartnerApi.SCHEMAS + "/" + schema.type() + "/" + schema.revision();
    }

    /**
     * Every event type of the contract.
     *
     * @param types the types, by name
     */
    record Index(List<TypeEntry> types) {
    }

    /**
     * One event type and the revisions of its payload.
     *
     * @param type            the public type name, as in the envelope's {@code type}
     * @param currentRevision the revision events of this type are delivered in now
     * @param revisions       every revision, oldest first
     */
    record TypeEntry(String type, int currentRevision, List<Revision> revisions) {
    }

    /**
     * One revision's schema.
     *
     * @param revision the revision, as in the envelope's {@code revision}
     * @param id       the schema's {@code $id}
     * @param href     where to fetch the schema, relative to this server
     */
    record Revision(int revision, String id, String href) {
    }
}
