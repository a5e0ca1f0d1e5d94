package io.mms.launcher.eventstore;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.mms.events.EventCatalog;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * Stores events as JSON under their public type name and revision ({@code CustomerRegistered},
 * revision 1) instead of their Java class name, so the stored stream is the contract partners
 * read and classes can be moved without touching history. Anything that is not a public event
 * (tokens, for instance) keeps Jackson's class-name typing.
 */
public class ContractSerializer extends JacksonSerializer {

    ContractSerializer(Builder builder) {
        super(builder);
    }

    public static ContractSerializer create() {
        ObjectMapper json = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
        return new ContractSerializer(JacksonSerializer.builder()
                .objectMapper(json)
                .revisionResolver(type -> EventCatalog.isPublic(type)
                        ? String.valueOf(EventCatalog.revisionOf(type))
                        : null));
    }

    @Override
    public SerializedType typeForClass(Class type) {
        if (type != null && EventCatalog.isPublic(type)) {
            return new SimpleSerializedType(EventCatalog.typeOf(type), String.valueOf(EventCatalog.revisionOf(type)));
        }
        return super.typeForClass(type);
    }

    @Override
    protected String resolveClassName(SerializedType serializedType) {
        return EventCatalog.classOf(serializedType.getName())
                .map(Class::getName)
                .orElseGet(() -> super.resolveClassName(serializedType));
    }
}
