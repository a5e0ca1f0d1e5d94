package io.mms.projections.support;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.WriteModel;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects a projection's writes for the batch of events being processed and sends them as
 * one ordered {@code bulkWrite} per collection.
 *
 * <p>In a processor's batch the writes are flushed by {@link BatchFlushInterceptor} while the
 * last event of the batch is handled, that is before the processor stores its token: a crash
 * can repeat a batch (which is harmless, see {@link DocumentWrites}) but never lose one.
 * Outside a batch (a dead letter being retried) they are flushed when the unit of work
 * commits; with no unit of work at all they are written at once.
 */
public class ProjectionWriter {

    private static final String PENDING = ProjectionWriter.class.getName() + ".pending";

    private final MongoDatabase database;

    public ProjectionWriter(MongoDatabase database) {
        this.database = database;
    }

    public void write(ReadModelCollection collection, WriteModel<Document> write) {
        if (!CurrentUnitOfWork.isStarted()) {
            send(Map.of(collection.name(), List.of(write)));
            return;
        }
        pending(CurrentUnitOfWork.get()).computeIfAbsent(collection.name(), name -> new ArrayList<>()).add(write);
    }

    /** Removes every document of the collection, before a replay rebuilds it. */
    public void clear(ReadModelCollection collection) {
        database.getCollection(collection.name()).deleteMany(new Document());
    }

    void flush(UnitOfWork<?> unitOfWork) {
        @SuppressWarnings("unchecked")
        var pending = (Map<String, List<WriteModel<Document>>>) unitOfWork.resources().remove(PENDING);
        if (pending != null) {
            send(pending);
        }
    }

    private Map<String, List<WriteModel<Document>>> pending(UnitOfWork<?> unitOfWork) {
        return unitOfWork.getOrComputeResource(PENDING, key -> {
            if (!(unitOfWork instanceof BatchingUnitOfWork<?>)) {
                unitOfWork.onPrepareCommit(this::flush);
            }
            return new LinkedHashMap<String, List<WriteModel<Document>>>();
        });
    }

    private void send(Map<String, List<WriteModel<Document>>> writes) {
        BulkWriteOptions inOrder = new BulkWriteOptions().ordered(true);
        writes.forEach((collection, models) -> database.getCollection(collection).bulkWrite(models, inOrder));
    }
}
