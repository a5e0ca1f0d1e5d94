package io.mms.projections.support;

import org.bson.conversions.Bson;

import java.util.List;

/**
 * A MongoDB collection of a read model, with its shard key declared once.
 *
 * <p>Every query and update of the collection includes the shard key, so that against a
 * sharded cluster each one is routed to a single shard.
 *
 * @param name     the collection's name
 * @param shardKey the field the collection is sharded by (hashed)
 * @param indexes  the secondary indexes that the collection's queries need
 */
public record ReadModelCollection(String name, String shardKey, List<Bson> indexes) {
}
