package io.mms.command;

import io.mms.command.campaign.Campaign;
import io.mms.command.customer.Customer;
import io.mms.command.segment.Segment;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.AggregateFactory;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;

/**
 * The command side: aggregates that decide, and the GraphQL mutations that ask them.
 * Switched off with {@code mms.sides.command=false} in a deployment that runs other sides only.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
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
        AggregateConfigurer<Customer> customer = AggregateConfigurer.defaultConfiguration(Customer.class);
        customer.configureSnapshotTrigger(config -> new EventCountSnapshotTriggerDefinition(
                snapshotter(config, customer.aggregateFactory()), CUSTOMER_SNAPSHOT_THRESHOLD));
        return configurer -> configurer
                .configureAggregate(customer)
                .configureAggregate(Campaign.class)
                .configureAggregate(Segment.class);
    }

    /**
     * Spring's default snapshotter only knows aggregates that are Spring beans, which ours are
     * not; this one knows the aggregate it is built for.
     */
    private static Snapshotter snapshotter(Configuration config, AggregateFactory<?> factory) {
        return AggregateSnapshotter.builder()
                .eventStore(config.eventStore())
                .aggregateFactories(factory)
                .parameterResolverFactory(config.parameterResolverFactory())
                .handlerDefinition(config.handlerDefinition(factory.getAggregateType()))
                .transactionManager(config.getComponent(TransactionManager.class))
                .build();
    }
}
