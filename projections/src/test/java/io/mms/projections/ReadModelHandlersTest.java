package io.mms.projections;

import com.mongodb.client.MongoDatabase;
import io.mms.projections.support.ProjectionWriter;
import io.mms.projections.support.ReadModel;
import org.axonframework.config.ProcessingGroup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** A rebuild runs the very handler classes that live processing registers for the read model. */
class ReadModelHandlersTest {

    @Test
    void everyReadModelGetsNewInstancesOfTheHandlersRegisteredForItsProcessingGroup() {
        try (EmbeddedMongo mongo = new EmbeddedMongo()) {
            MongoDatabase database = mongo.readModelDatabase();
            for (ReadModel readModel : ReadModelStoreConfiguration.READ_MODELS) {
                List<Object> handlers = ReadModelHandlers.newInstances(readModel, new ProjectionWriter(database),
                        database);

                assertThat(handlers).extracting(Object::getClass).as(readModel.processor())
                        .containsExactlyInAnyOrderElementsOf(registeredFor(readModel.processor()));
            }
        }
    }

    private static Set<Class<?>> registeredFor(String processingGroup) {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ProcessingGroup.class));
        return scanner.findCandidateComponents("io.mms.projections").stream()
                .map(ReadModelHandlersTest::load)
                .filter(type -> type.getAnnotation(ProcessingGroup.class).value().equals(processingGroup))
                .collect(Collectors.toSet());
    }

    private static Class<?> load(BeanDefinition definition) {
        try {
            return Class.forName(definition.getBeanClassName());
        } catch (ClassNotFoundException missing) {
            throw new IllegalStateException(missing);
        }
    }
}
