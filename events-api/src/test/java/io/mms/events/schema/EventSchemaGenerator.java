package io.mms.events.schema;

import com.fasterxml.classmate.ResolvedType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.CustomDefinitionProviderV2;
import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerationContext;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfig;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.generator.TypeScope;
import com.github.victools.jsonschema.generator.impl.PropertySortUtils;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import io.mms.events.EventCatalog;
import io.mms.events.Nullable;
import io.mms.events.PersonalData;

import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds the JSON Schema (draft 2020-12) of an event class's current revision, as partners
 * receive its payload: fields in declaration order, enums as their names, instants as
 * date-time strings, nested records (such as {@code Money}) under {@code $defs}.
 *
 * <p>A field is required unless it is {@link Nullable} (then it may also be null or missing)
 * or {@link PersonalData}: personal data is left out for clients without that scope, so it
 * is never required, and carries {@value #PERSONAL_DATA}. Descriptions come from Javadoc.
 */
final class EventSchemaGenerator {

    static final String PERSONAL_DATA = "x-personal-data";

    private static final String NULLABLE_DEFINITION = "-nullable";
    private static final List<String> HEAD = List.of("$schema", "$id", "title", "description");

    private final SchemaGenerator generator = new SchemaGenerator(config());

    /** The schema of the class's current revision, with its {@code $id}, title and description. */
    ObjectNode generate(Class<?> eventClass) {
        EventSchema schema = new EventSchema(EventCatalog.typeOf(eventClass), EventCatalog.revisionOf(eventClass));
        ObjectNode body = generator.generateSchema(eventClass);
        body.put("$id", schema.id());
        body.put("title", schema.type());
        inlineNullableReferences(body);
        return headFirst(body);
    }

    private static SchemaGeneratorConfig config() {
        SchemaGeneratorConfigBuilder builder =
                new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
                        .with(new JacksonModule())
                        .with(Option.EXTRA_OPEN_API_FORMAT_VALUES)
                        .with(Option.MAP_VALUES_AS_ADDITIONAL_PROPERTIES);
        builder.forTypesInGeneral()
                .withPropertySorter(PropertySortUtils.SORT_PROPERTIES_FIELDS_BEFORE_METHODS)
                .withCustomDefinitionProvider(new NestedRecordsAsDefinitions())
                .withArrayUniqueItemsResolver(scope -> scope.getType().isInstanceOf(Set.class) ? true : null)
                .withDescriptionResolver(EventSchemaGenerator::typeDescription);
        builder.forFields()
                .withRequiredCheck(field -> !nullable(field) && !personal(field))
                .withNullableCheck(EventSchemaGenerator::nullable)
                .withDescriptionResolver(EventSchemaGenerator::fieldDescription)
                .withInstanceAttributeOverride((node, field, context) -> {
                    if (personal(field) && !field.isFakeContainerItemScope()) {
                        node.put(PERSONAL_DATA, true);
                    }
                });
        return builder.build();
    }

    private static boolean nullable(FieldScope field) {
        return field.getAnnotationConsideringFieldAndGetter(Nullable.class) != null;
    }

    private static boolean personal(FieldScope field) {
        return field.getAnnotationConsideringFieldAndGetter(PersonalData.class) != null;
    }

    /** The field's {@code @param}; for the field itself, not again for each item of a list or map. */
    private static String fieldDescription(FieldScope field) {
        if (field.isFakeContainerItemScope()) {
            return null;
        }
        return Javadoc.of(field.getDeclaringType().getErasedType()).param(field.getDeclaredName()).orElse(null);
    }

    /** A type's Javadoc; an enum's lists what each of its values means, where that is written down. */
    private static String typeDescription(TypeScope scope) {
        Class<?> type = scope.getType().getErasedType();
        if (!type.isRecord() && !type.isEnum()) {
            return null;
        }
        Javadoc javadoc = Javadoc.of(type);
        String values = Arrays.stream(type.getEnumConstants() == null ? new Object[0] : type.getEnumConstants())
                .map(Object::toString)
                .filter(javadoc.constants()::containsKey)
                .map(name -> "\n- " + name + ": " + javadoc.constants().get(name))
                .collect(Collectors.joining());
        String description = (javadoc.text() + values).strip();
        return description.isEmpty() ? null : description;
    }

    /**
     * The generator puts a nullable nested record under a definition of its own
     * ({@code Money-nullable}); the property says "null or Money" itself instead.
     */
    private static void inlineNullableReferences(ObjectNode schema) {
        JsonNode definitions = schema.path("$defs");
        replaceReferences(schema, definitions);
        if (definitions instanceof ObjectNode defs) {
            defs.properties().removeIf(definition -> definition.getKey().endsWith(NULLABLE_DEFINITION));
            if (defs.isEmpty()) {
                schema.remove("$defs");
            }
        }
    }

    private static void replaceReferences(JsonNode node, JsonNode definitions) {
        if (node instanceof ObjectNode object) {
            String reference = object.path("$ref").asText("");
            if (reference.endsWith(NULLABLE_DEFINITION)) {
                String name = reference.substring(reference.lastIndexOf('/') + 1);
                object.remove("$ref");
                object.setAll((ObjectNode) definitions.get(name).deepCopy());
            }
        }
        for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
            replaceReferences(children.next(), definitions);
        }
    }

    private static ObjectNode headFirst(ObjectNode body) {
        ObjectNode ordered = body.objectNode();
        HEAD.stream().filter(body::has).forEach(key -> ordered.set(key, body.get(key)));
        for (Map.Entry<String, JsonNode> entry : body.properties()) {
            if (!HEAD.contains(entry.getKey())) {
                ordered.set(entry.getKey(), entry.getValue());
            }
        }
        return ordered;
    }

    /**
     * Records and enums inside an event become named definitions, so partners' tools give them
     * names too, and a field can describe its use of a shared type next to the reference.
     */
    private static final class NestedRecordsAsDefinitions implements CustomDefinitionProviderV2 {

        @Override
        public CustomDefinition provideCustomSchemaDefinition(ResolvedType type, SchemaGenerationContext context) {
            Class<?> erased = type.getErasedType();
            if (!(erased.isRecord() || erased.isEnum()) || EventCatalog.isPublic(erased)) {
                return null;
            }
            return new CustomDefinition(context.createStandardDefinition(type, this),
                    CustomDefinition.DefinitionType.ALWAYS_REF, CustomDefinition.AttributeInclusion.YES);
        }
    }
}
