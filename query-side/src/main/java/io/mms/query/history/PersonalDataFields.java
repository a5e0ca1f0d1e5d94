package io.mms.query.history;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mms.events.PersonalData;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Leaves the fields marked {@link PersonalData} out of an event's JSON, for clients that were
 * not granted personal data. The field names of each event class are read from its annotations
 * once.
 */
final class PersonalDataFields {

    private static final ClassValue<Set<String>> FIELDS = new ClassValue<>() {
        @Override
        protected Set<String> computeValue(Class<?> type) {
            return marked(type);
        }
    };

    private PersonalDataFields() {
    }

    static Set<String> of(Class<?> eventType) {
        return FIELDS.get(eventType);
    }

    static void remove(Class<?> eventType, ObjectNode payload) {
        payload.remove(of(eventType));
    }

    private static Set<String> marked(Class<?> type) {
        if (!type.isRecord()) {
            return Set.of();
        }
        return Arrays.stream(type.getRecordComponents())
                .filter(component -> component.isAnnotationPresent(PersonalData.class))
                .map(RecordComponent::getName)
                .collect(Collectors.toUnmodifiableSet());
    }
}
