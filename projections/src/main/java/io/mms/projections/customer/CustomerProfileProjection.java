package io.mms.projections.customer;

import com.mongodb.client.model.Updates;
import io.mms.events.customer.CustomerEmailChanged;
import io.mms.events.customer.CustomerProfileUpdated;
import io.mms.events.customer.CustomerRegistered;
import io.mms.projections.support.DocumentWrites;
import io.mms.projections.support.ProjectionWriter;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.Date;

/** Keeps one profile document per customer. */
@Component
@ProcessingGroup(CustomerProfiles.PROCESSOR)
public class CustomerProfileProjection {

    private final ProjectionWriter writer;

    public CustomerProfileProjection(ProjectionWriter writer) {
        this.writer = writer;
    }

    @EventHandler
    public void on(CustomerRegistered event, TrackingToken token) {
        Document profile = new Document("email", event.email())
                .append("name", event.name())
                .append("registeredAt", Date.from(event.registeredAt()));
        writer.write(CustomerProfiles.COLLECTION,
                DocumentWrites.create(event.customerId(), DocumentWrites.positionOf(token), profile));
    }

    @EventHandler
    public void on(CustomerEmailChanged event, TrackingToken token) {
        writer.write(CustomerProfiles.COLLECTION, DocumentWrites.change(
                event.customerId(), DocumentWrites.positionOf(token), Updates.set("email", event.email())));
    }

    /** Only the name is shown so far; the rest of the profile waits for a richer read model. */
    @EventHandler
    public void on(CustomerProfileUpdated event, TrackingToken token) {
        writer.write(CustomerProfiles.COLLECTION, DocumentWrites.change(
                event.customerId(), DocumentWrites.positionOf(token), Updates.set("name", event.name())));
    }

    @ResetHandler
    public void reset() {
        writer.clear(CustomerProfiles.COLLECTION);
    }
}
