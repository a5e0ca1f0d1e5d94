package io.mms.query.timetravel;

import com.mongodb.client.MongoClient;
import io.mms.projections.support.ProjectionSettings;
import io.mms.projections.support.ScratchSpaces;
import io.mms.projections.timetravel.TimeTravel;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.List;

/** Time travel: read models as of a past instant, replayed from the event store on demand. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TimeTravelSettings.class)
class TimeTravelConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TimeTravelConfiguration.class);

    @Bean
    ScratchSpaces scratchSpaces(MongoClient client, ProjectionSettings projections, TimeTravelSettings settings) {
        ScratchSpaces spaces = new ScratchSpaces(client, projections.database(), Clock.systemUTC());
        List<String> dropped = spaces.dropAbandoned(settings.abandonedAfter());
        if (!dropped.isEmpty()) {
            log.info("Dropped {} scratch databases left behind by answers as of past instants", dropped.size());
        }
        return spaces;
    }

    @Bean
    PastReadModels pastReadModels(EventStore eventStore, ObjectProvider<EventStorageEngine> storageEngine,
                                  ScratchSpaces scratchSpaces, TimeTravelSettings settings) {
        StoredEventHistory history = new StoredEventHistory(eventStore, storageEngine.getIfAvailable());
        return new PastReadModels(new TimeTravel(history, scratchSpaces, settings.maxEvents(), Clock.systemUTC()));
    }

    @Bean
    ScratchSpaceRelease scratchSpaceRelease() {
        return new ScratchSpaceRelease();
    }
}
