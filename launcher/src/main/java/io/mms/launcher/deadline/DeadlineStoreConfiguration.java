package io.mms.launcher.deadline;

import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerCustomizer;
import com.github.kagkarlsson.scheduler.serializer.JacksonSerializer;
import com.github.kagkarlsson.scheduler.serializer.Serializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Optional;

/**
 * Campaign starts and ends are Axon deadlines kept by db-scheduler in the {@code scheduled_tasks}
 * table of the event-store database (see {@code V3__scheduled_tasks.sql}). Axon's auto-configuration
 * builds the deadline manager on that scheduler and serializes the deadline's payload and scope
 * with the event serializer (Jackson). Left alone, db-scheduler would wrap that in Java
 * serialization; this makes the stored row JSON as well, so nothing in it depends on Java's
 * binary format.
 */
@Configuration(proxyBeanMethods = false)
class DeadlineStoreConfiguration {

    @Bean
    DbSchedulerCustomizer jsonTaskData() {
        return new DbSchedulerCustomizer() {
            @Override
            public Optional<Serializer> serializer() {
                return Optional.of(new JacksonSerializer());
            }
        };
    }
}
