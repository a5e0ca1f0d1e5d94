package io.mms.projections.customer;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import io.mms.projections.support.Listing;
import io.mms.projections.support.Page;
import io.mms.projections.support.ReadModel;
import io.mms.projections.support.ReadModelCollection;
import org.bson.Document;

import java.util.List;
import java.util.Optional;

/** Reads the customer-profile read model. */
public class CustomerProfiles {

    public static final String PROCESSOR = "customer-profiles";

    public static final ReadModelCollection COLLECTION = new ReadModelCollection(
            "customer_profiles", "_id", List.of(Indexes.ascending("registeredAt", "_id")));

    public static final ReadModel READ_MODEL = new ReadModel(PROCESSOR, List.of(COLLECTION));

    private final MongoCollection<Document> collection;

    public CustomerProfiles(MongoDatabase database) {
        this.collection = database.getCollection(COLLECTION.name());
    }

    public Optional<CustomerProfile> byId(String customerId) {
        return Optional.ofNullable(collection.find(Filters.eq("_id", customerId)).first())
                .map(CustomerProfiles::toProfile);
    }

    /** Customers in the order they registered. */
    public Page<CustomerProfile> page(int first, String after) {
        return Listing.page(collection, Filters.empty(), "registeredAt", first, after, CustomerProfiles::toProfile);
    }

    static CustomerProfile toProfile(Document document) {
        return new CustomerProfile(
                document.getString("_id"),
                document.getString("email"),
                document.getString("name"),
                document.getDate("registeredAt").toInstant());
    }
}
