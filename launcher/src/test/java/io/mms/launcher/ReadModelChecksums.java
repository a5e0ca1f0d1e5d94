package io.mms.launcher;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import io.mms.projections.support.ReadModel;
import io.mms.projections.support.ReadModelCollection;
import org.bson.Document;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Digests of a read model's documents, to compare two ways of producing them. */
final class ReadModelChecksums {

    private ReadModelChecksums() {
    }

    /**
     * A digest of every document of the read model's collections, in the order of their ids,
     * as the database shows them (MMS's read-model database bean shows the live version).
     */
    static String of(MongoDatabase database, ReadModel readModel) {
        MessageDigest digest = sha256();
        for (ReadModelCollection collection : readModel.collections()) {
            for (Document document : database.getCollection(collection.name()).find().sort(Sorts.ascending("_id"))) {
                digest.update(document.toJson().getBytes(StandardCharsets.UTF_8));
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException(missing);
        }
    }
}
