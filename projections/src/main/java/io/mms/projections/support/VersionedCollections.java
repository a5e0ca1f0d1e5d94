package io.mms.projections.support;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/**
 * Views of the read-model database in which code names a read model's collections as it always
 * does ({@code CustomerProfiles.COLLECTION}) and reaches them in the version it should use:
 * readers, handlers and writers stay unaware of versions.
 *
 * <p>The views are dynamic proxies: of the dozens of methods of {@link MongoDatabase} and
 * {@link MongoCollection} only the collection's name matters here, and delegating each one by
 * hand would be hundreds of lines that say nothing. Collections and databases derived from a
 * view ({@code withCodecRegistry}, {@code withReadPreference}, ...) are plain ones, fixed to
 * the version live when they were derived.
 */
public final class VersionedCollections {

    private VersionedCollections() {
    }

    /**
     * The database as queries and live processing use it: every read-model collection resolves
     * to its read model's live version at each operation, so a switch reaches collections that
     * readers and handlers obtained long before.
     */
    public static MongoDatabase live(MongoDatabase database, ReadModelVersions versions) {
        return databaseView(database, "live versions of " + database.getName(), (name, type) ->
                versions.isReadModelCollection(name)
                        ? liveCollection(database, versions, name, type)
                        : database.getCollection(name, type));
    }

    /** The database with the read model's collections in the given version, as a rebuild writes them. */
    public static MongoDatabase version(MongoDatabase database, ReadModel readModel, int version) {
        Map<String, String> names = new HashMap<>();
        readModel.collections().forEach(collection ->
                names.put(collection.name(), ReadModelVersions.nameIn(version, collection)));
        return databaseView(database, "version " + version + " of " + readModel.processor(), (name, type) ->
                database.getCollection(names.getOrDefault(name, name), type));
    }

    private static MongoDatabase databaseView(MongoDatabase database, String description, Lookup lookup) {
        return proxy(MongoDatabase.class, description, (proxy, method, args) -> {
            if (method.getName().equals("getCollection")) {
                Class<?> type = args.length > 1 ? (Class<?>) args[1] : Document.class;
                return lookup.collection((String) args[0], type);
            }
            return invoke(database, method, args);
        });
    }

    private static <T> MongoCollection<T> liveCollection(MongoDatabase database, ReadModelVersions versions,
                                                         String name, Class<T> type) {
        @SuppressWarnings("unchecked")
        MongoCollection<T> view = proxy(MongoCollection.class, "live version of " + name, (proxy, method, args) ->
                invoke(database.getCollection(versions.liveName(name), type), method, args));
        return view;
    }

    private static <T> T proxy(Class<T> type, String description, InvocationHandler handler) {
        Object view = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, (proxy, method, args) -> {
            if (method.getDeclaringClass() != Object.class) {
                return handler.invoke(proxy, method, args);
            }
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> description;
            };
        });
        return type.cast(view);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException failed) {
            throw failed.getCause();
        }
    }

    private interface Lookup {
        MongoCollection<?> collection(String name, Class<?> type);
    }
}
