package io.mms.launcher.mongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;

import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A compound, non-unique index kept in memory in key order, which the stand-in lacks: it ignores
 * such indexes and sorts every matching document for each query. This one only serves order: a
 * query sorted exactly by its keys (or by all of them reversed) walks it and stops once the page
 * is full, instead of sorting the whole collection. Filters are still checked document by
 * document, and it answers no lookups.
 *
 * <p>Keys are read and compared exactly as the stand-in sorts (the same value lookup and
 * comparator), so an ordered walk gives the documents in the order a sort would. A document whose
 * key holds an array would sort by its elements, which an index of single values cannot
 * reproduce; once one is seen (or a document without an {@code _id}, which it could not find
 * again), the index no longer serves order, and neither does a sparse one, which leaves
 * documents out. It is rebuilt from the documents each time the file is opened.
 */
final class OrderedIndex extends Index<Object> {

    private record Entry(List<Object> values, Object position, long sequence) {
    }

    private final ConcurrentSkipListSet<Entry> entries;
    private final Map<Object, Entry> byId = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private volatile boolean unusable;

    OrderedIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.entries = new ConcurrentSkipListSet<>(keyOrder(keys));
    }

    private static Comparator<Entry> keyOrder(List<IndexKey> keys) {
        Comparator<Entry> order = (a, b) -> 0;
        for (int i = 0; i < keys.size(); i++) {
            int key = i;
            ValueComparator values = keys.get(i).isAscending() ? ValueComparator.asc() : ValueComparator.desc();
            order = order.thenComparing(entry -> entry.values().get(key), values);
        }
        return order.thenComparingLong(Entry::sequence);
    }

    /**
     * The documents' positions in the order the sort asks for, or nothing if this index cannot
     * give it: the sort must name exactly its keys, each in its direction or each reversed.
     */
    Optional<Iterator<Object>> positionsOrderedBy(Document sort) {
        if (unusable || isSparse() || !List.copyOf(sort.keySet()).equals(keys())) {
            return Optional.empty();
        }
        List<IndexKey> keys = getKeys();
        boolean same = true;
        boolean reversed = true;
        for (IndexKey key : keys) {
            boolean ascending = ((Number) sort.get(key.getKey())).intValue() > 0;
            same &= ascending == key.isAscending();
            reversed &= ascending != key.isAscending();
        }
        if (!same && !reversed) {
            return Optional.empty();
        }
        Iterator<Entry> walk = same ? entries.iterator() : entries.descendingIterator();
        return Optional.of(new Iterator<>() {
            @Override
            public boolean hasNext() {
                return walk.hasNext();
            }

            @Override
            public Object next() {
                return walk.next().position();
            }
        });
    }

    @Override
    public void add(Document document, Object position, MongoCollection<Object> collection) {
        List<Object> values = keys().stream()
                .map(key -> Utils.getSubdocumentValueCollectionAware(document, key))
                .toList();
        Object id = document.get("_id");
        if (id == null || values.stream().anyMatch(Collection.class::isInstance)) {
            unusable = true;
            return;
        }
        Entry entry = new Entry(values, position, sequence.incrementAndGet());
        Entry replaced = byId.put(id, entry);
        if (replaced != null) {
            entries.remove(replaced);
        }
        entries.add(entry);
    }

    @Override
    public Object remove(Document document) {
        Object id = document.get("_id");
        Entry entry = id == null ? null : byId.remove(id);
        if (entry == null) {
            return null;
        }
        entries.remove(entry);
        return entry.position();
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, Object position,
                              MongoCollection<Object> collection) {
        remove(oldDocument);
        add(newDocument, position, collection);
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Object> collection) {
        // Not unique: every document may be added.
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Object> collection) {
        // Not unique: every update may be made.
    }

    @Override
    public Object getPosition(Document document) {
        return null;
    }

    @Override
    public boolean canHandle(Document query) {
        return false;
    }

    @Override
    public Iterable<Object> getPositions(Document query) {
        throw new UnsupportedOperationException("an ordered index serves order, not lookups");
    }

    @Override
    public long getCount() {
        return byId.size();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    @Override
    public void drop() {
        entries.clear();
        byId.clear();
        unusable = false;
    }
}
