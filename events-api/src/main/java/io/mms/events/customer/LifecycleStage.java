package io.mms.events.customer;

/** How far a customer has come in the relationship, from first contact to paying and beyond. */
public enum LifecycleStage {
    LEAD,
    MARKETING_QUALIFIED,
    SALES_QUALIFIED,
    CUSTOMER,
    CHURNED
}
