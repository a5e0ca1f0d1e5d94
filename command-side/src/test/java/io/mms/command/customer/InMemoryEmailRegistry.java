package io.mms.command.customer;

import java.util.HashMap;
import java.util.Map;

/** Email claims in a map, standing in for the database table in aggregate tests. */
class InMemoryEmailRegistry implements EmailRegistry {

    private final Map<String, String> holders = new HashMap<>();

    @Override
    public boolean claim(String normalizedEmail, String customerId) {
        return holders.computeIfAbsent(normalizedEmail, email -> customerId).equals(customerId);
    }

    @Override
    public void release(String normalizedEmail, String customerId) {
        holders.remove(normalizedEmail, customerId);
    }

    /** The claims as address to customer id. */
    Map<String, String> claims() {
        return Map.copyOf(holders);
    }
}
