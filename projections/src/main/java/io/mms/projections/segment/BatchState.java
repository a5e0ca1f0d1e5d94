package io.mms.projections.segment;

import io.mms.events.audience.AudienceRule;
import io.mms.events.audience.CustomerFacts;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the projection has learned in the batch being processed. Writes reach MongoDB only when
 * the batch is flushed, but a later event of the same batch must see the facts and rules that
 * earlier ones changed; so they are remembered here, next to the pending writes, for the batch's
 * lifetime. Outside a unit of work every write is sent at once and a fresh state is enough.
 */
final class BatchState {

    private static final String RESOURCE = BatchState.class.getName();

    private final Map<String, KnownCustomer> customers = new TreeMap<>();
    private Map<String, KnownSegment> segments;

    static BatchState current() {
        if (!CurrentUnitOfWork.isStarted()) {
            return new BatchState();
        }
        return CurrentUnitOfWork.get().getOrComputeResource(RESOURCE, key -> new BatchState());
    }

    /** The customer as last seen in this batch, or as stored; null if never seen. */
    KnownCustomer customer(String customerId, Function<String, KnownCustomer> stored) {
        return customers.computeIfAbsent(customerId, stored);
    }

    void remember(KnownCustomer customer) {
        customers.put(customer.id(), customer);
    }

    /** Every segment including deleted ones, read from the store once per batch. */
    Map<String, KnownSegment> segments(Supplier<Map<String, KnownSegment>> stored) {
        if (segments == null) {
            segments = new TreeMap<>(stored.get());
        }
        return segments;
    }

    /**
     * Visits every customer known to the read model: the stored ones, as this batch changed them,
     * then those the batch registered.
     */
    void forEachCustomer(Consumer<Consumer<KnownCustomer>> stored, Consumer<KnownCustomer> visitor) {
        Set<String> visited = new HashSet<>();
        stored.accept(customer -> {
            visited.add(customer.id());
            KnownCustomer latest = customers.getOrDefault(customer.id(), customer);
            if (latest != null) {
                visitor.accept(latest);
            }
        });
        customers.values().stream()
                .filter(customer -> customer != null && !visited.contains(customer.id()))
                .forEach(visitor);
    }

    /** What a rule may look at about a customer, and the stream position it reflects. */
    record KnownCustomer(String id, CustomerFacts facts, long position) {
    }

    /** A segment's rule (null once deleted) and the stream position it reflects. */
    record KnownSegment(String id, AudienceRule rule, long position) {

        boolean live() {
            return rule != null;
        }
    }
}
