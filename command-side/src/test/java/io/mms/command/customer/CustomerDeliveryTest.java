package io.mms.command.customer;

import io.mms.command.delivery.DeliverCampaignMessage;
import io.mms.events.audience.AudienceRule;
import io.mms.events.audience.TagMatch;
import io.mms.events.customer.ConsentGranted;
import io.mms.events.customer.ConsentWithdrawn;
import io.mms.events.customer.CustomerProfileUpdated;
import io.mms.events.customer.CustomerTagAdded;
import io.mms.events.delivery.CampaignMessageSent;
import io.mms.events.delivery.ConsentBasis;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static io.mms.command.customer.CustomerFixtures.NOW;
import static io.mms.command.customer.CustomerFixtures.REGISTERED;
import static io.mms.command.customer.CustomerFixtures.REGISTERED_AT;
import static io.mms.events.campaign.Channel.EMAIL;
import static io.mms.events.campaign.Channel.SMS;

/** A customer decides whether a launched campaign's message is sent to them. */
class CustomerDeliveryTest {

    private static final ConsentGranted EMAIL_MARKETING =
            new ConsentGranted("cu-1", EMAIL, "marketing", "signup-form", REGISTERED_AT);
    private static final AudienceRule VIP = new AudienceRule(TagMatch.ANY, Set.of("vip"), null, null, null, null);
    private static final DeliverCampaignMessage WINTER_TO_VIPS =
            new DeliverCampaignMessage("cu-1", "ca-1", EMAIL, VIP, "Winter sale", "Half price");

    private AggregateTestFixture<Customer> fixture;

    @BeforeEach
    void createFixture() {
        fixture = CustomerFixtures.fixture(new InMemoryEmailRegistry());
    }

    @Test
    void aMatchingConsentingCustomerIsSentTheMessageWithTheConsentItReliedOn() {
        fixture.given(REGISTERED, EMAIL_MARKETING, new CustomerTagAdded("cu-1", "vip", REGISTERED_AT))
                .andGivenCurrentTime(NOW)
                .when(WINTER_TO_VIPS)
                .expectResultMessagePayload(true)
                .expectEvents(new CampaignMessageSent("cu-1", "ca-1", "cu-1:ca-1", EMAIL,
                        REGISTERED.email(), "Winter sale", "Half price",
                        new ConsentBasis(EMAIL, "marketing", "signup-form", REGISTERED_AT), NOW));
    }

    @Test
    void aCustomerOutsideTheAudienceIsNotSentAnything() {
        fixture.given(REGISTERED, EMAIL_MARKETING)
                .when(WINTER_TO_VIPS)
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void aCustomerWithoutConsentForTheChannelIsNotSentAnything() {
        fixture.given(REGISTERED, new CustomerTagAdded("cu-1", "vip", REGISTERED_AT),
                        new ConsentGranted("cu-1", SMS, "marketing", "signup-form", REGISTERED_AT))
                .when(WINTER_TO_VIPS)
                .expectNoEvents();
    }

    @Test
    void consentForAnotherPurposeDoesNotCount() {
        fixture.given(REGISTERED, new CustomerTagAdded("cu-1", "vip", REGISTERED_AT),
                        new ConsentGranted("cu-1", EMAIL, "newsletter", "signup-form", REGISTERED_AT))
                .when(WINTER_TO_VIPS)
                .expectNoEvents();
    }

    @Test
    void aWithdrawnConsentIsHonoured() {
        fixture.given(REGISTERED, EMAIL_MARKETING, new CustomerTagAdded("cu-1", "vip", REGISTERED_AT),
                        new ConsentWithdrawn("cu-1", EMAIL, "marketing", "preference-center", REGISTERED_AT))
                .when(WINTER_TO_VIPS)
                .expectNoEvents();
    }

    @Test
    void aCampaignIsSentToACustomerOnlyOnce() {
        fixture.given(REGISTERED, EMAIL_MARKETING, new CustomerTagAdded("cu-1", "vip", REGISTERED_AT),
                        new CampaignMessageSent("cu-1", "ca-1", "cu-1:ca-1", EMAIL, REGISTERED.email(),
                                "Winter sale", "Half price",
                                new ConsentBasis(EMAIL, "marketing", "signup-form", REGISTERED_AT), NOW))
                .when(WINTER_TO_VIPS)
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void withoutAnAudienceEveryConsentingCustomerIsReached() {
        fixture.given(REGISTERED, EMAIL_MARKETING)
                .when(new DeliverCampaignMessage("cu-1", "ca-2", EMAIL, null, "News", "News"))
                .expectResultMessagePayload(true);
    }

    @Test
    void anSmsNeedsAPhoneNumber() {
        ConsentGranted smsMarketing = new ConsentGranted("cu-1", SMS, "marketing", "signup-form", REGISTERED_AT);
        DeliverCampaignMessage sms = new DeliverCampaignMessage("cu-1", "ca-3", SMS, null, "Flash", "Flash sale");

        fixture.given(REGISTERED, smsMarketing).when(sms).expectNoEvents();
        fixture.given(REGISTERED, smsMarketing,
                        new CustomerProfileUpdated("cu-1", REGISTERED.name(), "+31 20 555 0100", null, Map.of(),
                                REGISTERED_AT))
                .when(sms)
                .expectResultMessagePayload(true);
    }
}
