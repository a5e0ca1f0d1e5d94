package io.mms.projections.customer;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import io.mms.events.customer.CustomerEmailChanged;
import io.mms.events.customer.CustomerProfileUpdated;
import io.mms.events.customer.CustomerRegistered;
import io.mms.projections.EmbeddedMongo;
import io.mms.projections.support.ProjectionWriter;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerProfileProjectionTest {

    private static final Instant T = Instant.parse("2026-03-01T09:30:00Z");

    private final List<CustomerRegistered> registrations = List.of(
            new CustomerRegistered("cu-1", "ada@example.com", "Ada Lovelace", T),
            new CustomerRegistered("cu-2", "grace@example.com", "Grace Hopper", T.plusSeconds(60)),
            new CustomerRegistered("cu-3", "alan@example.com", "Alan Turing", T.plusSeconds(120)));

    private EmbeddedMongo mongo;
    private MongoDatabase database;
    private CustomerProfileProjection projection;
    private CustomerProfiles profiles;

    @BeforeEach
    void startMongo() {
        mongo = new EmbeddedMongo();
        database = mongo.readModelDatabase();
        projection = new CustomerProfileProjection(new ProjectionWriter(database));
        profiles = new CustomerProfiles(database);
    }

    @AfterEach
    void stopMongo() {
        mongo.close();
    }

    @Test
    void registeredCustomerCanBeReadBack() {
        deliverAll(registrations);

        var grace = new CustomerProfile("cu-2", "grace@example.com", "Grace Hopper", T.plusSeconds(60));

        assertThat(profiles.byId("cu-2")).contains(grace);
    }

    @Test
    void customerThatNeverRegisteredIsNotFound() {
        deliverAll(registrations);

        assertThat(profiles.byId("cu-404")).isEmpty();
    }

    @Test
    void redeliveredEventsLeaveTheDocumentsAsTheyWere() {
        deliverAll(registrations);
        List<Document> before = rawDocuments();

        deliverAll(registrations);

        assertThat(before).hasSize(3);
        assertThat(rawDocuments()).isEqualTo(before);
    }

    @Test
    void changedEmailAndNameReplaceTheRegisteredOnes() {
        deliverAll(registrations);

        projection.on(new CustomerEmailChanged("cu-2", "amazing.grace@example.com", T), at(4));
        projection.on(renamed("cu-2", "Rear Admiral Hopper"), at(5));

        assertThat(profiles.byId("cu-2")).contains(new CustomerProfile(
                "cu-2", "amazing.grace@example.com", "Rear Admiral Hopper", T.plusSeconds(60)));
    }

    @Test
    void anOlderChangeDeliveredAgainDoesNotUndoANewerOne() {
        deliverAll(registrations);
        projection.on(new CustomerEmailChanged("cu-1", "first@example.com", T), at(4));
        projection.on(new CustomerEmailChanged("cu-1", "second@example.com", T), at(5));

        projection.on(new CustomerEmailChanged("cu-1", "first@example.com", T), at(4));

        assertThat(profiles.byId("cu-1")).get().extracting(CustomerProfile::email).isEqualTo("second@example.com");
    }

    @Test
    void resetRemovesEveryProfile() {
        deliverAll(registrations);

        projection.reset();

        assertThat(rawDocuments()).isEmpty();
    }

    private void deliverAll(List<CustomerRegistered> events) {
        for (int i = 0; i < events.size(); i++) {
            projection.on(events.get(i), new GlobalSequenceTrackingToken(i + 1));
        }
    }

    private static GlobalSequenceTrackingToken at(long position) {
        return new GlobalSequenceTrackingToken(position);
    }

    private static CustomerProfileUpdated renamed(String customerId, String name) {
        return new CustomerProfileUpdated(customerId, name, null, null, Map.of(), T);
    }

    private List<Document> rawDocuments() {
        return database.getCollection(CustomerProfiles.COLLECTION.name())
                .find().sort(Sorts.ascending("_id")).into(new ArrayList<>());
    }
}
