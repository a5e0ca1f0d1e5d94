package io.mms.command;

import io.mms.command.campaign.Campaign;
import io.mms.command.customer.Customer;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * The command side: aggregates that decide, and the GraphQL mutations that ask them.
 * Switched off with {@code mms.sides.command=false} in a deployment that runs other sides only.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "mms.sides.command", havingValue = "true", matchIfMissing = true)
@ComponentScan
public class CommandSideConfiguration {

    /**
     * A customer collects events for as long as MMS knows them (later, one per message sent),
     * so loading one starts from a snapshot taken every this many events.
     */
    public static final int CUSTOMER_SNAPSHOT_THRESHOLD = 100;

    /** Aggregates are registered here rather than by stereotype, so the domain stays free of Spring. */
    @Bean
    ConfigurerModule aggregates() {
        return configurer -> configurer
                .configureAggregate(AggregateConfigurer.defaultConfiguration(Customer.class)
                        .configureSnapshotTrigger(config -> new EventCountSnapshotTriggerDefinition(
                                config.snapshotter(), CUSTOMER_SNAPSHOT_THRESHOLD)))
                .configureAggregate(Campaign.class);
    }
}
