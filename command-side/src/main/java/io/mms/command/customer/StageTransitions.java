package io.mms.command.customer;

import io.mms.events.customer.LifecycleStage;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static io.mms.events.customer.LifecycleStage.CHURNED;
import static io.mms.events.customer.LifecycleStage.CUSTOMER;
import static io.mms.events.customer.LifecycleStage.LEAD;
import static io.mms.events.customer.LifecycleStage.MARKETING_QUALIFIED;
import static io.mms.events.customer.LifecycleStage.SALES_QUALIFIED;

/**
 * The lifecycle moves a marketer expects: forward, skipping stages if need be, until the
 * customer pays; a sales-qualified lead that sales hands back is recycled to marketing; only
 * a paying customer can churn, and a churned one is either won back or starts over as a lead.
 */
final class StageTransitions {

    private static final Map<LifecycleStage, Set<LifecycleStage>> ALLOWED = new EnumMap<>(Map.of(
            LEAD, EnumSet.of(MARKETING_QUALIFIED, SALES_QUALIFIED, CUSTOMER),
            MARKETING_QUALIFIED, EnumSet.of(SALES_QUALIFIED, CUSTOMER),
            SALES_QUALIFIED, EnumSet.of(MARKETING_QUALIFIED, CUSTOMER),
            CUSTOMER, EnumSet.of(CHURNED),
            CHURNED, EnumSet.of(CUSTOMER, LEAD)));

    private StageTransitions() {
    }

    static boolean allows(LifecycleStage from, LifecycleStage to) {
        return ALLOWED.get(from).contains(to);
    }
}
