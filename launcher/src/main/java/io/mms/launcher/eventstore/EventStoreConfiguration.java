package io.mms.launcher.eventstore;

import io.mms.projections.support.EventPositions;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The event store itself is Axon's: its JDBC engine over the configured data source (schema
 * by Flyway, see {@code db/migration}), or Axon Server in the {@code axonserver} profile.
 * MMS decides how events are written into it, and how the JDBC engine reads past gaps.
 */
@Configuration(proxyBeanMethods = false)
class EventStoreConfiguration {

    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer() {
        return ContractSerializer.create();
    }

    /**
     * Axon's JDBC engine, built as Axon's auto-configuration builds it (on the default table and
     * column names, which the migrations create), but reading past gaps with {@link RangedGapQuery}.
     */
    @Bean
    @ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(new EventSchema())
                .readEventDataWithGaps(new RangedGapQuery())
                .build();
    }

    @Bean
    EventPositions eventPositions(NamedParameterJdbcTemplate eventStoreDatabase) {
        return new JdbcEventPositions(eventStoreDatabase);
    }
}
