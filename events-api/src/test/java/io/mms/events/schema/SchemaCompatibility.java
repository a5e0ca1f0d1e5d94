package io.mms.events.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Finds the changes between the published schema of an event revision and the schema its
 * class has now that would break a partner, each named by the field it concerns.
 *
 * <p>A change is compatible when every payload valid under one schema is valid under the other,
 * given that partners ignore fields they do not know: events already stored under the revision
 * are not rewritten, and partners keep validating with the schema they fetched. So a field may
 * be added if it is not required (it is nullable or personal data), and descriptions may
 * change. Everything else is breaking: removing a field, changing its type or format, making it
 * required or optional, nullable or not, adding or removing enum values, adding a required
 * field, or marking it personal data or no longer (that decides who receives it).
 */
final class SchemaCompatibility {

    /** Keywords that only describe; they do not decide what a payload may hold. */
    private static final Set<String> ANNOTATIONS = Set.of(
            "$schema", "$id", "$defs", "$comment", "title", "description", "examples", "default", "deprecated");
    /** Keywords compared field by field below rather than as whole values. */
    private static final Set<String> STRUCTURE = Set.of(
            "$ref", "type", "enum", "properties", "required", "items", "additionalProperties",
            EventSchemaGenerator.PERSONAL_DATA);

    /** Deep enough for any record nesting; stops a recursive type from being followed forever. */
    private static final int MAX_DEPTH = 32;

    private final JsonNode publishedRoot;
    private final JsonNode currentRoot;
    private final List<String> problems = new ArrayList<>();

    private SchemaCompatibility(JsonNode published, JsonNode current) {
        this.publishedRoot = published;
        this.currentRoot = current;
    }

    /** The breaking changes from the published schema to the current one; empty when compatible. */
    static List<String> breakingChanges(JsonNode published, JsonNode current) {
        SchemaCompatibility comparison = new SchemaCompatibility(published, current);
        comparison.compareObjects("", published, current, 0);
        return List.copyOf(comparison.problems);
    }

    private void compare(String field, JsonNode publishedNode, JsonNode currentNode, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        Shape published = Shape.of(publishedNode, publishedRoot);
        Shape current = Shape.of(currentNode, currentRoot);
        if (published.nullable() != current.nullable()) {
            problems.add(field(field) + (current.nullable() ? " may now be null" : " may no longer be null"));
        }
        if (published.personal() != current.personal()) {
            problems.add(field(field) + (current.personal() ? " became personal data" : " is no longer personal data"));
        }
        if (!published.types().equals(current.types())) {
            problems.add(field(field) + " changed type from " + published.types() + " to " + current.types());
            return;
        }
        compareEnums(field, published.node(), current.node());
        compareOtherKeywords(field, published.node(), current.node());
        compareItems(field, published.node(), current.node(), depth);
        compareObjects(field, published.node(), current.node(), depth);
    }

    private void compareObjects(String field, JsonNode published, JsonNode current, int depth) {
        JsonNode publishedProperties = published.path("properties");
        JsonNode currentProperties = current.path("properties");
        Set<String> publishedRequired = names(published.path("required"));
        Set<String> currentRequired = names(current.path("required"));
        for (String name : names(publishedProperties)) {
            String path = field.isEmpty() ? name : field + "." + name;
            if (!currentProperties.has(name)) {
                problems.add(field(path) + " was removed");
                continue;
            }
            boolean required = currentRequired.contains(name);
            if (publishedRequired.contains(name) != required) {
                problems.add(field(path) + (required ? " became required" : " is no longer required"));
            }
            compare(path, publishedProperties.get(name), currentProperties.get(name), depth + 1);
        }
        for (String name : currentRequired) {
            if (!publishedProperties.has(name)) {
                problems.add(field(field.isEmpty() ? name : field + "." + name) + " was added as a required field");
            }
        }
    }

    private void compareEnums(String field, JsonNode published, JsonNode current) {
        if (!published.has("enum") && !current.has("enum")) {
            return;
        }
        Set<String> before = values(published.path("enum"));
        Set<String> after = values(current.path("enum"));
        Set<String> removed = new TreeSet<>(before);
        removed.removeAll(after);
        Set<String> added = new TreeSet<>(after);
        added.removeAll(before);
        if (!removed.isEmpty()) {
            problems.add(field(field) + " lost the values " + removed);
        }
        if (!added.isEmpty()) {
            problems.add(field(field) + " gained the values " + added + ", which readers of the schema would refuse");
        }
    }

    private void compareOtherKeywords(String field, JsonNode published, JsonNode current) {
        Set<String> keywords = new TreeSet<>(names(published));
        keywords.addAll(names(current));
        for (String keyword : keywords) {
            if (ANNOTATIONS.contains(keyword) || STRUCTURE.contains(keyword) || keyword.startsWith("x-")) {
                continue;
            }
            if (!published.path(keyword).equals(current.path(keyword))) {
                problems.add(field(field) + " changed '" + keyword + "' from " + shown(published.get(keyword))
                        + " to " + shown(current.get(keyword)));
            }
        }
    }

    private void compareItems(String field, JsonNode published, JsonNode current, int depth) {
        for (String keyword : List.of("items", "additionalProperties")) {
            JsonNode before = published.get(keyword);
            JsonNode after = current.get(keyword);
            String path = field + (keyword.equals("items") ? "[]" : ".*");
            if (before == null && after == null) {
                continue;
            }
            if (before == null || after == null || before.isBoolean() || after.isBoolean()) {
                if (before == null || !before.equals(after)) {
                    problems.add(field(path) + " changed from " + shown(before) + " to " + shown(after));
                }
                continue;
            }
            compare(path, before, after, depth + 1);
        }
    }

    /** The schema a {@code $ref} points to, with the referring node's own keywords on top. */
    private static JsonNode resolve(JsonNode node, JsonNode root) {
        JsonNode current = node;
        for (int hops = 0; current.has("$ref") && hops < 16; hops++) {
            String reference = current.get("$ref").asText();
            if (!reference.startsWith("#")) {
                throw new IllegalArgumentException("only local references are compared, not " + reference);
            }
            ObjectNode merged = ((ObjectNode) root.at(reference.substring(1))).deepCopy();
            current.properties().stream()
                    .filter(entry -> !entry.getKey().equals("$ref"))
                    .forEach(entry -> merged.set(entry.getKey(), entry.getValue()));
            current = merged;
        }
        return current;
    }

    private static String field(String path) {
        return "field '" + (path.isEmpty() ? "(the event)" : path) + "'";
    }

    private static String shown(JsonNode value) {
        return value == null ? "(none)" : value.toString();
    }

    private static Set<String> names(JsonNode node) {
        if (node.isArray()) {
            return values(node);
        }
        Set<String> names = new LinkedHashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> values(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::asText)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /**
     * A schema with "may be null" taken apart from what it holds otherwise: the generator writes
     * a nullable string as {@code "type": ["string", "null"]} and a nullable record as
     * {@code "anyOf": [{"type": "null"}, {"$ref": ...}]}.
     */
    private record Shape(JsonNode node, Set<String> types, boolean nullable, boolean personal) {

        static Shape of(JsonNode property, JsonNode root) {
            JsonNode schema = resolve(property, root);
            boolean personal = schema.path(EventSchemaGenerator.PERSONAL_DATA).asBoolean(false);
            JsonNode node = schema;
            boolean nullable = false;
            if (schema.has("anyOf")) {
                List<JsonNode> others = new ArrayList<>();
                for (Iterator<JsonNode> options = schema.get("anyOf").elements(); options.hasNext(); ) {
                    JsonNode option = options.next();
                    if (isNull(option)) {
                        nullable = true;
                    } else {
                        others.add(option);
                    }
                }
                if (others.size() == 1) {
                    node = resolve(others.get(0), root);
                }
            }
            JsonNode type = node.path("type");
            Set<String> types = type.isArray() ? new TreeSet<>(values(type)) : new TreeSet<>();
            if (type.isTextual()) {
                types.add(type.asText());
            }
            nullable |= types.remove("null");
            return new Shape(node, types, nullable, personal);
        }

        private static boolean isNull(JsonNode option) {
            return option.size() == 1 && option.path("type").asText("").equals("null");
        }
    }
}
