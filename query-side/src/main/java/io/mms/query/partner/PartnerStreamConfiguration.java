package io.mms.query.partner;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The partner API: the event stream over HTTP for the configured clients. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ApiClients.class, StreamSettings.class, ExportSettings.class})
class PartnerStreamConfiguration {

    @Bean
    StreamPositions streamPositions(EventStore eventStore,
                                    @Value("${axon.axonserver.enabled:true}") boolean axonServer) {
        return new StreamPositions(eventStore, axonServer);
    }

    @Bean
    EventStreamReader eventStreamReader(EventStore eventStore, ObjectProvider<EventStorageEngine> storageEngine,
                                        StreamPositions positions, ObjectMapper json, StreamSettings settings) {
        return new EventStreamReader(eventStore, storageEngine.getIfAvailable(), positions, json,
                settings.gapSettleTime(), Clock.systemUTC());
    }

    @Bean(destroyMethod = "close")
    StreamHead streamHead(StreamPositions positions, StreamSettings settings) {
        return new StreamHead(positions::latest, settings.headPollInterval());
    }

    @Bean
    SubscriptionRequests subscriptionRequests(StreamPositions positions) {
        return new SubscriptionRequests(positions);
    }

    @Bean
    FilterRegistrationBean<ApiKeyFilter> partnerApiKeys(ApiClients clients, ObjectMapper json) {
        FilterRegistrationBean<ApiKeyFilter> registration =
                new FilterRegistrationBean<>(new ApiKeyFilter(clients, json));
        registration.addUrlPatterns(PartnerApi.EVENTS, PartnerApi.EVENTS + "/*");
        return registration;
    }

    /** One thread per open stream, and no queue: a stream beyond the limit is refused at once. */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService partnerStreams(StreamSettings settings) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(settings.maxStreams(), settings.maxStreams(),
                60, TimeUnit.SECONDS, new SynchronousQueue<>(), threadsNamed("partner-stream-"));
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    private static ThreadFactory threadsNamed(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
