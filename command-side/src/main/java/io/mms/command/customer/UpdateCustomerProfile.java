package io.mms.command.customer;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Change what MMS knows about a customer. A field left null stays as it is; a blank phone or
 * locale forgets it. Each attribute sets its key, and an attribute with a blank value removes it.
 */
public record UpdateCustomerProfile(
        @TargetAggregateIdentifier String customerId,
        String name,
        String phone,
        String locale,
        List<Attribute> attributes) {

    /** One free attribute of a profile, such as {@code company = Analytical Engines Ltd}. */
    public record Attribute(String key, String value) {
    }
}
