package io.mms.launcher.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.springframework.util.unit.DataSize;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The stand-in's file-backed storage, with changes to how it finds documents; what it stores,
 * and what matches a filter, are unchanged. Each was where the projections' or the listings'
 * time went on the embedded default (see benchmarks/README.md).
 *
 * <ul>
 *   <li>A filter that names a single {@code _id} next to other conditions is answered through the
 *   {@code _id} index, as a real MongoDB does. mongo-java-server only uses an index when the
 *   filter has exactly the index's fields, so the projections' guarded updates ({@code _id} plus
 *   "position lower than this event's") were matched against every document of the collection.
 *   Here the index picks the one candidate, and the whole filter is still checked against it.</li>
 *   <li>Unique indexes (including {@code _id}) are hash maps in memory, rebuilt from the
 *   documents when the file is opened, instead of H2 maps whose every key comparison serializes
 *   both keys with Java serialization. Opening a large file takes longer; everything after
 *   is faster.</li>
 *   <li>Compound indexes are kept in key order ({@link OrderedIndex}), and a limited query sorted
 *   as one is walks it instead of sorting every matching document.</li>
 *   <li>The file is opened with a page cache of a configured size (see the constructor).</li>
 * </ul>
 */
final class IndexedH2Backend extends H2Backend {

    /**
     * Opens the file with a page cache of the given size. MVStore keeps the documents of the
     * pages it caches deserialized, so a read that hits the cache skips Java deserialization;
     * MVStore's default of 16 MB holds only a few thousand customer profiles, after which every
     * scan deserializes its documents again (five times slower at 100,000 profiles).
     */
    IndexedH2Backend(String fileName, DataSize cache) {
        super(new MVStore.Builder().fileName(fileName).cacheSize((int) cache.toMegabytes()).open());
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new IdLookupDatabase(databaseName);
    }

    /**
     * An inner class on purpose: the stand-in opens existing collections from its constructor,
     * before a field of this class could be set, while the enclosing backend is already there.
     */
    private final class IdLookupDatabase extends H2Database {

        IdLookupDatabase(String databaseName) {
            super(databaseName, getMvStore(), getCursorRegistry());
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName,
                                                       List<IndexKey> keys, boolean sparse) {
            return new HashUniqueIndex(indexName, keys, sparse);
        }

        /** Compound indexes are the listings' (a field, then {@code _id}); single fields stay ignored. */
        @Override
        protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName,
                                                          List<IndexKey> keys, boolean sparse) {
            if (keys.size() < 2) {
                return super.openOrCreateSecondaryIndex(collectionName, indexName, keys, sparse);
            }
            return new OrderedIndex(indexName, keys, sparse);
        }

        /** Opens the same maps, under the same names, as the stand-in's own collections. */
        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            String namespace = getFullCollectionNamespace(collectionName);
            MVStore store = getMvStore();
            return new IdLookupCollection(this, collectionName, options,
                    store.openMap("databases." + namespace), store.openMap("meta." + namespace), cursorRegistry);
        }
    }

    private static final class IdLookupCollection extends H2Collection {

        IdLookupCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                           MVMap<Object, Document> documents,
                           MVMap<String, Object> meta, CursorRegistry cursors) {
            super(database, collectionName, options, documents, meta, cursors);
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit,
                                             int batchSize, Document fieldSelector) {
            Object id = singleId(query);
            if (id != null) {
                Document byId = new Document("_id", id);
                for (Index<Object> index : getIndexes()) {
                    if (index.canHandle(byId)) {
                        return matchDocuments(query, index.getPositions(byId), orderBy, skip, limit, batchSize,
                                fieldSelector);
                    }
                }
            }
            Iterable<Object> firstInOrder = firstInOrder(query, orderBy, skip, limit);
            if (firstInOrder != null) {
                return matchDocuments(query, firstInOrder, orderBy, skip, limit, batchSize, fieldSelector);
            }
            return super.queryDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
        }

        /**
         * For a limited query sorted as an {@link OrderedIndex} is, the positions of the first
         * documents that match, walked in that order up to the end of the page; null otherwise.
         */
        private List<Object> firstInOrder(Document query, Document orderBy, int skip, int limit) {
            if (orderBy == null || orderBy.isEmpty() || limit <= 0) {
                return null;
            }
            for (Index<Object> index : getIndexes()) {
                if (index instanceof OrderedIndex ordered) {
                    Optional<Iterator<Object>> walk = ordered.positionsOrderedBy(orderBy);
                    if (walk.isPresent()) {
                        return matching(walk.get(), query, skip + limit);
                    }
                }
            }
            return null;
        }

        private List<Object> matching(Iterator<Object> positions, Document query, int wanted) {
            List<Object> found = new ArrayList<>(wanted);
            while (found.size() < wanted && positions.hasNext()) {
                Object position = positions.next();
                Document document = getDocument(position);
                if (document != null && documentMatchesQuery(document, query)) {
                    found.add(position);
                }
            }
            return found;
        }

        /**
         * The one {@code _id} a filter requires, at its top level or in one of the conditions of
         * a top-level {@code $and} (the Java driver writes {@code Filters.and} that way); null if
         * it requires none, or one given by operators.
         */
        private static Object singleId(Document query) {
            if (isSingleValue(query.get("_id"))) {
                return query.get("_id");
            }
            return conditions(query).stream()
                    .map(condition -> condition.get("_id"))
                    .filter(IdLookupCollection::isSingleValue)
                    .findFirst().orElse(null);
        }

        private static List<Document> conditions(Document query) {
            if (query.get("$and") instanceof List<?> conditions) {
                return conditions.stream()
                        .filter(Document.class::isInstance).map(Document.class::cast).toList();
            }
            return List.of();
        }

        /** An {@code _id} given as one value, not as operators or a pattern that could match several. */
        private static boolean isSingleValue(Object id) {
            return id != null && !(id instanceof Document) && !BsonRegularExpression.isRegularExpression(id);
        }
    }

    /**
     * A unique index held in memory. The collection fills it from its documents when it is
     * added, which happens each time the file is opened.
     */
    private static final class HashUniqueIndex extends AbstractUniqueIndex<Object> {

        private final Map<KeyValue, Object> positions = new ConcurrentHashMap<>();

        HashUniqueIndex(String name, List<IndexKey> keys, boolean sparse) {
            super(name, keys, sparse);
        }

        @Override
        protected Object removeDocument(KeyValue key) {
            return positions.remove(key);
        }

        @Override
        protected boolean putKeyPosition(KeyValue key, Object position) {
            return positions.putIfAbsent(key, position) == null;
        }

        @Override
        protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
            return positions.entrySet();
        }

        @Override
        protected Object getPosition(KeyValue key) {
            return positions.get(key);
        }

        @Override
        public long getCount() {
            return positions.size();
        }

        @Override
        public boolean isEmpty() {
            return positions.isEmpty();
        }

        @Override
        public long getDataSize() {
            return getCount();
        }
    }
}
