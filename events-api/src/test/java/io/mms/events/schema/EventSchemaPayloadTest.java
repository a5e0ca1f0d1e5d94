package io.mms.events.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.AnnotationKeyword;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.mms.events.EventCatalog;
import io.mms.events.Money;
import io.mms.events.Nullable;
import io.mms.events.PersonalData;
import io.mms.events.customer.CustomerRegistered;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped schemas describe the JSON partners receive: a sample of every event, serialized
 * the way the partner API serializes it, is valid against its schema, with its nullable fields
 * filled or null and with its personal data left out; a payload that breaks the contract is not.
 */
class EventSchemaPayloadTest {

    /** Like Spring Boot's mapper, which the partner API uses: instants as ISO-8601 strings. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();
    /** Draft 2020-12, told that the personal-data mark is an annotation, as a partner's validator may be. */
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            factory -> factory.metaSchema(JsonMetaSchema.builder(JsonMetaSchema.getV202012())
                    .keyword(new AnnotationKeyword(EventSchemaGenerator.PERSONAL_DATA))
                    .build()));
    private static final SchemaValidatorsConfig ASSERT_FORMATS = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true)
            .build();
    private static final Instant SAMPLE_TIME = Instant.parse("2026-03-01T09:30:00.123Z");

    static List<Class<?>> events() {
        return EventCatalog.events();
    }

    /** Strictly: the schema also names every field Jackson writes, nested records' included. */
    @ParameterizedTest
    @MethodSource("events")
    void everyEventWithAllFieldsGivenMatchesItsSchema(Class<?> event) throws Exception {
        ObjectNode payload = JSON.valueToTree(sample(event, true));
        JsonNode closed = closed(JSON.readTree(shipped(event)));

        assertThat(SCHEMAS.getSchema(closed, ASSERT_FORMATS).validate(payload)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("events")
    void everyEventWithItsNullableFieldsNullMatchesItsSchema(Class<?> event) {
        ObjectNode payload = JSON.valueToTree(sample(event, false));

        assertThat(errors(event, payload)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("events")
    void everyEventWithoutItsPersonalDataMatchesItsSchema(Class<?> event) {
        ObjectNode payload = JSON.valueToTree(sample(event, true));
        Arrays.stream(event.getRecordComponents())
                .filter(component -> component.isAnnotationPresent(PersonalData.class))
                .forEach(component -> payload.remove(component.getName()));

        assertThat(errors(event, payload)).isEmpty();
    }

    @Test
    void aPayloadMissingARequiredFieldOrHoldingAWrongTypeIsInvalid() {
        ObjectNode missing = JSON.valueToTree(sample(CustomerRegistered.class, true));
        missing.remove("customerId");
        ObjectNode retyped = JSON.valueToTree(sample(CustomerRegistered.class, true));
        retyped.put("registeredAt", 1_700_000_000L);
        ObjectNode badTime = JSON.valueToTree(sample(CustomerRegistered.class, true));
        badTime.put("registeredAt", "yesterday");

        assertThat(errors(CustomerRegistered.class, missing)).singleElement().asString().contains("customerId");
        assertThat(errors(CustomerRegistered.class, retyped)).singleElement().asString().contains("registeredAt");
        assertThat(errors(CustomerRegistered.class, badTime)).singleElement().asString().contains("date-time");
    }

    @Test
    void personalDataIsMarkedAndNeverRequired() throws Exception {
        ObjectNode schema = (ObjectNode) JSON.readTree(shipped(CustomerRegistered.class));

        assertThat(schema.at("/properties/email/" + EventSchemaGenerator.PERSONAL_DATA).asBoolean()).isTrue();
        assertThat(schema.at("/properties/customerId").has(EventSchemaGenerator.PERSONAL_DATA)).isFalse();
        assertThat(schema.get("required")).extracting(Object::toString).asString()
                .contains("customerId").doesNotContain("email").doesNotContain("name");
        assertThat(schema.get("$id").asText()).isEqualTo("urn:mms:event:CustomerRegistered:1");
        assertThat(schema.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
    }

    /** The schema with no room for fields it does not name. */
    private static JsonNode closed(JsonNode schema) {
        if (schema instanceof ObjectNode object && object.has("properties")) {
            object.put("additionalProperties", false);
        }
        schema.forEach(EventSchemaPayloadTest::closed);
        return schema;
    }

    private static Set<ValidationMessage> errors(Class<?> event, ObjectNode payload) {
        JsonSchema schema = SCHEMAS.getSchema(shipped(event), ASSERT_FORMATS);
        return schema.validate(payload);
    }

    /** The schema as the jar ships it, read the way a consumer of the jar reads it. */
    private static String shipped(Class<?> event) {
        return EventSchemas.json(EventCatalog.typeOf(event), EventCatalog.revisionOf(event)).orElseThrow();
    }

    /** An instance of a record with a sample value in every field; nullable ones filled or null. */
    private static Object sample(Class<?> record, boolean fillNullable) {
        RecordComponent[] components = record.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            boolean leaveNull = !fillNullable && components[i].isAnnotationPresent(Nullable.class);
            values[i] = leaveNull ? null : value(components[i].getGenericType(), components[i].getName());
        }
        try {
            return record.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static Object value(Type type, String name) {
        if (type instanceof ParameterizedType generic) {
            Class<?> raw = (Class<?>) generic.getRawType();
            Type[] arguments = generic.getActualTypeArguments();
            if (Set.class.isAssignableFrom(raw)) {
                return Set.of(value(arguments[0], name));
            }
            if (Map.class.isAssignableFrom(raw)) {
                return Map.of("sample-key", value(arguments[1], name));
            }
            if (List.class.isAssignableFrom(raw)) {
                return List.of(value(arguments[0], name));
            }
        }
        Class<?> raw = (Class<?>) type;
        if (raw == String.class) {
            return "sample " + name;
        }
        if (raw == Instant.class) {
            return SAMPLE_TIME;
        }
        if (raw == BigDecimal.class) {
            return new BigDecimal("2500.00");
        }
        if (raw == Money.class) {
            return new Money(new BigDecimal("12.50"), "EUR");
        }
        if (raw.isEnum()) {
            return raw.getEnumConstants()[raw.getEnumConstants().length - 1];
        }
        if (raw.isRecord()) {
            return sample(raw, true);
        }
        if (raw == long.class || raw == int.class) {
            return raw == long.class ? (Object) 7L : (Object) 7;
        }
        if (raw == boolean.class) {
            return true;
        }
        throw new IllegalArgumentException("no sample value for " + type + " (" + name + ")");
    }
}
