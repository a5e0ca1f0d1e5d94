package io.mms.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.AnnotationKeyword;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.mms.command.campaign.CreateCampaign;
import io.mms.command.campaign.DefineCampaignAudience;
import io.mms.command.campaign.ScheduleCampaign;
import io.mms.command.customer.GrantConsent;
import io.mms.command.customer.RegisterCustomer;
import io.mms.command.customer.UpdateCustomerProfile;
import io.mms.events.EventCatalog;
import io.mms.events.Money;
import io.mms.events.audience.AudienceRule;
import io.mms.events.audience.TagMatch;
import io.mms.events.campaign.Channel;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Partners fetching the JSON Schemas of the events over HTTP, and the events they receive
 * matching them, with and without personal data.
 */
class EventSchemaApiTest {

    private static final String PARTNER_KEY = "partner-" + UUID.randomUUID();
    private static final String WEBSHOP_KEY = "webshop-" + UUID.randomUUID();
    private static final String AUDITOR_KEY = "auditor-" + UUID.randomUUID();
    private static final String SCHEMAS = "/api/v1/events/schemas";
    private static final JsonSchemaFactory VALIDATORS = JsonSchemaFactory.getInstance(
            SpecVersion.VersionFlag.V202012,
            factory -> factory.metaSchema(JsonMetaSchema.builder(JsonMetaSchema.getV202012())
                    .keyword(new AnnotationKeyword("x-personal-data"))
                    .build()));

    @TempDir
    static Path dataDirectory;

    private static RunningMms mms;

    @BeforeAll
    static void start() {
        mms = RunningMms.start(dataDirectory,
                "--mms.clients.partner.api-key-sha256=" + ApiKeys.sha256(PARTNER_KEY),
                "--mms.clients.partner.scopes=events:read,personal-data",
                "--mms.clients.partner.event-types=*",
                "--mms.clients.webshop.api-key-sha256=" + ApiKeys.sha256(WEBSHOP_KEY),
                "--mms.clients.webshop.scopes=events:export",
                "--mms.clients.webshop.event-types=*",
                "--mms.clients.auditor.api-key-sha256=" + ApiKeys.sha256(AUDITOR_KEY),
                "--mms.clients.auditor.scopes=personal-data",
                "--mms.clients.auditor.event-types=*");
    }

    @AfterAll
    static void stop() {
        mms.close();
    }

    @Test
    void theIndexListsEveryEventTypeWithItsRevisionsAndWhereToFetchThem() {
        JsonNode index = json(SCHEMAS, PARTNER_KEY);
        JsonNode registered = entry(index, "CustomerRegistered");

        assertThat(index.get("types")).hasSize(EventCatalog.events().size());
        assertThat(registered.get("currentRevision").asInt()).isEqualTo(1);
        assertThat(registered.at("/revisions/0/revision").asInt()).isEqualTo(1);
        assertThat(registered.at("/revisions/0/href").asText()).isEqualTo(SCHEMAS + "/CustomerRegistered/1");
        assertThat(json(SCHEMAS + "/CustomerRegistered", WEBSHOP_KEY)).isEqualTo(registered);
    }

    @Test
    void aSchemaIsServedAsDraft2020JsonSchemaWithItsIdAndPersonalDataMarked() {
        JsonNode entry = entry(json(SCHEMAS, PARTNER_KEY), "CustomerRegistered");

        JsonNode schema = schema(entry.at("/revisions/0/href").asText(), WEBSHOP_KEY);

        assertThat(schema.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.get("$id").asText()).isEqualTo(entry.at("/revisions/0/id").asText());
        assertThat(schema.at("/properties/email/x-personal-data").asBoolean()).isTrue();
        assertThat(schema.at("/properties/registeredAt/format").asText()).isEqualTo("date-time");
    }

    @Test
    void everyDeliveredEventMatchesTheSchemaOfItsTypeAndRevision() {
        String customerId = UUID.randomUUID().toString();
        String campaignId = UUID.randomUUID().toString();
        writeHistory(customerId, campaignId);
        Set<String> ours = Set.of(customerId, campaignId);

        List<JsonNode> withPersonalData = awaitEventsOf(ours, PARTNER_KEY);
        List<JsonNode> withoutPersonalData = awaitEventsOf(ours, WEBSHOP_KEY);

        assertThat(withPersonalData).extracting(event -> event.get("type").asText()).contains(
                "CustomerRegistered", "CustomerProfileUpdated", "ConsentGranted", "CampaignCreated",
                "CampaignAudienceDefined", "CampaignScheduled");
        assertThat(withPersonalData).allSatisfy(event -> assertThat(violations(event, PARTNER_KEY)).isEmpty());
        assertThat(withoutPersonalData).allSatisfy(event -> assertThat(violations(event, WEBSHOP_KEY)).isEmpty());
    }

    @Test
    void anUnknownTypeOrRevisionIsNotFoundWithAReadableError() {
        get(SCHEMAS + "/CustomerVanished", PARTNER_KEY).expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("NOT_FOUND")
                .jsonPath("$.message").value(message -> assertThat((String) message).contains("'CustomerVanished'"));
        get(SCHEMAS + "/CustomerVanished/1", PARTNER_KEY).expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("NOT_FOUND");
        get(SCHEMAS + "/CustomerRegistered/7", PARTNER_KEY).expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("NOT_FOUND")
                .jsonPath("$.message").isEqualTo("CustomerRegistered has no revision 7; its revisions are [1]");
        get(SCHEMAS + "/CustomerRegistered/latest", PARTNER_KEY).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("VALIDATION");
    }

    @Test
    void schemasNeedAKnownKeyAndAScopeToReadEvents() {
        mms.http(SCHEMAS).get().exchange().expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("UNAUTHENTICATED");
        get(SCHEMAS + "/CustomerRegistered/1", AUDITOR_KEY).expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("FORBIDDEN")
                .jsonPath("$.message").value(message -> assertThat((String) message).contains("events:read"));
    }

    /** Optional fields left null on purpose: no phone, no campaign description, no scheduled end. */
    private static void writeHistory(String customerId, String campaignId) {
        CommandGateway commands = mms.bean(CommandGateway.class);
        commands.sendAndWait(new RegisterCustomer(customerId, "ada-" + customerId + "@example.com", "Ada"));
        commands.sendAndWait(new UpdateCustomerProfile(customerId, null, null, "en-GB",
                List.of(new UpdateCustomerProfile.Attribute("company", "Analytical Engines"))));
        commands.sendAndWait(new GrantConsent(customerId, Channel.EMAIL, "marketing", "signup-form", null));
        commands.sendAndWait(new CreateCampaign(campaignId, "Winter sale", Channel.EMAIL,
                new Money(new BigDecimal("2500.00"), "EUR"), null));
        commands.sendAndWait(new DefineCampaignAudience(campaignId,
                new AudienceRule(TagMatch.ANY, Set.of("vip"), Set.of(), Map.of(), null, null)));
        commands.sendAndWait(new ScheduleCampaign(campaignId, Instant.now().plus(1, ChronoUnit.DAYS), null));
    }

    private static List<JsonNode> awaitEventsOf(Set<String> aggregateIds, String key) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> allEvents(key).stream()
                .filter(event -> aggregateIds.contains(event.get("aggregateId").asText()))
                .toList(), events -> events.size() >= 6);
    }

    private static List<JsonNode> allEvents(String key) {
        List<JsonNode> events = new ArrayList<>();
        long after = -1;
        while (true) {
            JsonNode page = json("/api/v1/events?limit=1000&after=" + after, key);
            page.get("events").forEach(events::add);
            if (page.get("next").asLong() == after) {
                return events;
            }
            after = page.get("next").asLong();
        }
    }

    /** Validates the payload against the schema served for its type and revision, formats included. */
    private static Set<ValidationMessage> violations(JsonNode event, String key) {
        String href = SCHEMAS + "/" + event.get("type").asText() + "/" + event.get("revision").asInt();
        String schema = schemaText(href, key);
        SchemaValidatorsConfig formats = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        return VALIDATORS.getSchema(schema, formats).validate(event.get("payload"));
    }

    private static JsonNode entry(JsonNode index, String type) {
        for (JsonNode entry : index.get("types")) {
            if (entry.get("type").asText().equals(type)) {
                return entry;
            }
        }
        throw new AssertionError(type + " is not in the index " + index);
    }

    private static JsonNode schema(String href, String key) {
        return get(href, key).expectStatus().isOk()
                .expectHeader().contentType(MediaType.parseMediaType("application/schema+json"))
                .expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private static String schemaText(String href, String key) {
        return get(href, key).expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    private static JsonNode json(String uri, String key) {
        return get(uri, key).expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    private static WebTestClient.ResponseSpec get(String uri, String key) {
        return mms.http("").get().uri(uri).header("Authorization", "Bearer " + key).exchange();
    }

}
