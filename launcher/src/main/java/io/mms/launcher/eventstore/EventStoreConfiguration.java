package io.mms.launcher.eventstore;

import io.mms.projections.support.EventPositions;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The event store itself is Axon's: its JDBC engine over the configured data source (schema
 * by Flyway, see {@code db/migration}), or Axon Server in the {@code axonserver} profile.
 * MMS only decides how events are written into it.
 */
@Configuration(proxyBeanMethods = false)
class EventStoreConfiguration {

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer() {
        return ContractSerializer.create();
    }

    @Bean
    EventPositions eventPositions(NamedParameterJdbcTemplate eventStoreDatabase) {
        return new JdbcEventPositions(eventStoreDatabase);
    }
}
