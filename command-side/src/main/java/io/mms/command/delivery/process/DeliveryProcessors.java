package io.mms.command.delivery.process;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * The delivery processors start at the first event and keep their tokens in the event-store
 * database, so a message is never skipped; an error stops the processor and is retried,
 * never logged and skipped.
 */
@Configuration(proxyBeanMethods = false)
class DeliveryProcessors {

    @Bean
    ConfigurerModule deliveryProcessing() {
        return configurer -> List.of(CampaignFanOut.PROCESSOR, MessageDispatcher.PROCESSOR).forEach(name ->
                configurer.eventProcessing()
                        .registerPooledStreamingEventProcessor(
                                name,
                                org.axonframework.config.Configuration::eventStore,
                                (config, builder) -> builder
                                        .initialToken(StreamableMessageSource::createTailToken)
                                        .initialSegmentCount(1))
                        .registerListenerInvocationErrorHandler(name, config -> PropagatingErrorHandler.instance())
                        .registerErrorHandler(name, config -> PropagatingErrorHandler.instance()));
    }
}
