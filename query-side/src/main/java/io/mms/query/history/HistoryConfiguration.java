package io.mms.query.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.scalars.ExtendedScalars;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;

/**
 * The event history: read with indexed queries from the JDBC event store, or through the
 * stream of Axon Server.
 */
@Configuration(proxyBeanMethods = false)
class HistoryConfiguration {

    @Bean
    EventHistory eventHistory(@Value("${axon.axonserver.enabled:true}") boolean axonServer,
                              @Value("${mms.stream.gap-settle-time:5s}") Duration gapSettleTime,
                              EventStore eventStore, org.axonframework.config.Configuration axon,
                              ObjectMapper json, ObjectProvider<DataSource> dataSource) {
        if (axonServer) {
            return new StreamedEventHistory(eventStore, json, Duration.ofSeconds(30));
        }
        return new JdbcEventHistory(new JdbcTemplate(dataSource.getObject()), axon.eventSerializer(),
                axon::upcasterChain, json, gapSettleTime, Clock.systemUTC());
    }

    /** Event payloads are shown as they are, as JSON objects. */
    @Bean
    RuntimeWiringConfigurer jsonScalar() {
        return wiring -> wiring.scalar(ExtendedScalars.Json);
    }
}
