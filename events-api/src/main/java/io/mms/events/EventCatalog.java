package io.mms.events;

import io.mms.events.campaign.CampaignAudienceDefined;
import io.mms.events.campaign.CampaignCancelled;
import io.mms.events.campaign.CampaignCompleted;
import io.mms.events.campaign.CampaignCreated;
import io.mms.events.campaign.CampaignDetailsChanged;
import io.mms.events.campaign.CampaignLaunched;
import io.mms.events.campaign.CampaignPaused;
import io.mms.events.campaign.CampaignResumed;
import io.mms.events.campaign.CampaignScheduled;
import io.mms.events.campaign.CampaignSpendRecorded;
import io.mms.events.customer.ConsentGranted;
import io.mms.events.customer.ConsentWithdrawn;
import io.mms.events.customer.CustomerEmailChanged;
import io.mms.events.customer.CustomerProfileUpdated;
import io.mms.events.customer.CustomerRegistered;
import io.mms.events.customer.CustomerStageChanged;
import io.mms.events.customer.CustomerTagAdded;
import io.mms.events.customer.CustomerTagRemoved;
import io.mms.events.delivery.CampaignMessageSent;
import io.mms.events.delivery.MessageEngaged;
import io.mms.events.segment.SegmentDeleted;
import io.mms.events.segment.SegmentRenamed;
import io.mms.events.segment.SegmentRuleChanged;
import io.mms.events.segment.SegmentSaved;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every event of the public contract, by its stable type name.
 *
 * <p>The list is written out rather than scanned from the classpath, so that adding an event
 * to the contract is a visible, reviewed change.
 */
public final class EventCatalog {

    private static final List<Class<?>> EVENTS = List.of(
            CustomerRegistered.class,
            CampaignCreated.class,
            CampaignLaunched.class,
            CampaignDetailsChanged.class,
            CampaignAudienceDefined.class,
            CampaignScheduled.class,
            CampaignPaused.class,
            CampaignResumed.class,
            CampaignCompleted.class,
            CampaignCancelled.class,
            CampaignSpendRecorded.class,
            CustomerProfileUpdated.class,
            CustomerEmailChanged.class,
            CustomerStageChanged.class,
            CustomerTagAdded.class,
            CustomerTagRemoved.class,
            ConsentGranted.class,
            ConsentWithdrawn.class,
            CampaignMessageSent.class,
            MessageEngaged.class,
            SegmentSaved.class,
            SegmentRenamed.class,
            SegmentRuleChanged.class,
            SegmentDeleted.class);

    private static final Map<String, Class<?>> BY_TYPE = EVENTS.stream()
            .collect(Collectors.toUnmodifiableMap(EventCatalog::typeOf, Function.identity()));

    private EventCatalog() {
    }

    /** The event classes of the contract, in a stable order. */
    public static List<Class<?>> events() {
        return EVENTS;
    }

    /** The class that holds events of the given public type, if the contract has one. */
    public static Optional<Class<?>> classOf(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }

    /** The public type name of an event class. */
    public static String typeOf(Class<?> eventClass) {
        return contractOf(eventClass).type();
    }

    /** The current revision of an event class. */
    public static int revisionOf(Class<?> eventClass) {
        return contractOf(eventClass).revision();
    }

    /** Whether the class is part of the public contract. */
    public static boolean isPublic(Class<?> type) {
        return type.isAnnotationPresent(PublicEvent.class);
    }

    private static PublicEvent contractOf(Class<?> eventClass) {
        PublicEvent contract = eventClass.getAnnotation(PublicEvent.class);
        if (contract == null) {
            throw new IllegalArgumentException(eventClass.getName() + " is not a public event");
        }
        return contract;
    }
}
