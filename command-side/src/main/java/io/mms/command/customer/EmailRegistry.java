package io.mms.command.customer;

/**
 * Who holds which email address. Addresses are unique across customers, so a customer must
 * claim an address before recording it. An implementation makes a claim part of the same
 * transaction as the events of the command, so a refused or failed command holds nothing.
 * Addresses are given normalized (see {@link EmailAddresses#normalized}).
 */
public interface EmailRegistry {

    /**
     * Claims the address for the customer. Answers false, and claims nothing, when another
     * customer holds it; claiming an address the customer already holds answers true.
     */
    boolean claim(String normalizedEmail, String customerId);

    /** Gives up the customer's claim on the address; nothing happens if it holds none. */
    void release(String normalizedEmail, String customerId);
}
