package io.mms.launcher.mongo;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OrderedIndexTest {

    private final OrderedIndex index = new OrderedIndex("registeredAt_1__id_1",
            List.of(new IndexKey("registeredAt", true), new IndexKey("_id", true)), false);

    @Test
    void walksItsDocumentsInKeyOrderForwardsOrBackwards() {
        add("c", 2);
        add("a", 2);
        add("b", 1);
        add("d", null);

        assertThat(walk(sort(1, 1))).containsExactly("pos-d", "pos-b", "pos-a", "pos-c");
        assertThat(walk(sort(-1, -1))).containsExactly("pos-c", "pos-a", "pos-b", "pos-d");
    }

    @Test
    void aChangedOrRemovedDocumentMovesOrLeaves() {
        add("a", 1);
        add("b", 2);
        Document movedA = new Document("_id", "a").append("registeredAt", 3);

        index.updateInPlace(new Document("_id", "a").append("registeredAt", 1), movedA, "pos-a", null);
        assertThat(walk(sort(1, 1))).containsExactly("pos-b", "pos-a");

        assertThat(index.remove(movedA)).isEqualTo("pos-a");
        assertThat(walk(sort(1, 1))).containsExactly("pos-b");
        assertThat(index.getCount()).isEqualTo(1);
    }

    @Test
    void servesNoOrderItCannotGiveExactly() {
        add("a", 1);

        assertThat(index.positionsOrderedBy(sort(1, -1))).isEmpty();
        assertThat(index.positionsOrderedBy(new Document("registeredAt", 1))).isEmpty();
        assertThat(index.positionsOrderedBy(new Document("_id", 1).append("registeredAt", 1))).isEmpty();

        index.add(new Document("_id", "b").append("registeredAt", List.of(1, 2)), "pos-b", null);
        assertThat(index.positionsOrderedBy(sort(1, 1))).isEmpty();
    }

    private void add(String id, Integer registeredAt) {
        Document document = new Document("_id", id);
        if (registeredAt != null) {
            document.append("registeredAt", registeredAt);
        }
        index.add(document, "pos-" + id, null);
    }

    private static Document sort(int registeredAt, int id) {
        return new Document("registeredAt", registeredAt).append("_id", id);
    }

    private List<Object> walk(Document sort) {
        Iterator<Object> positions = index.positionsOrderedBy(sort).orElseThrow();
        List<Object> walked = new ArrayList<>();
        positions.forEachRemaining(walked::add);
        return walked;
    }
}
