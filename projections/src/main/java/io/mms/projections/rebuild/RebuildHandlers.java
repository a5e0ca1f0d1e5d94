package io.mms.projections.rebuild;

import com.mongodb.client.MongoDatabase;
import io.mms.projections.support.ProjectionWriter;
import io.mms.projections.support.ReadModel;

import java.util.List;

/**
 * Makes new instances of a read model's event handlers, of the very classes live processing
 * uses, that write through the given writer and read from the given database.
 */
@FunctionalInterface
public interface RebuildHandlers {

    List<Object> of(ReadModel readModel, ProjectionWriter writer, MongoDatabase database);
}
